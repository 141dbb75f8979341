import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { cleanFileName, mayDeleteAttachment, mayMarkDeliverable, type Attachment, type AttachmentList } from '@altitude/shared/attachments';
import type { SessionUser } from '@altitude/shared/auth';
import type { Db } from '../../db/client';
import { attachments } from '../../db/schema-attachments';
import { writeAs } from '../auth/actor';
import { recordActivity } from '../requests/activity.queries';
import { findVisibleRequest } from '../requests/requests.queries';
import { requireVisibleRequest } from '../requests/requests.service';
import { attachmentNotFound, deliverableForMarketing, notUploader, unsupportedKind } from './attachments.errors';
import { findAttachment, listForRequest } from './attachments.queries';
import { nameForKind, sniffFileKind } from './file-kinds';
import type { ReceivedFile } from './upload';

export interface AttachmentDeps {
  db: Db;
  now: () => Date;
  /** The files folder (db/files-folder.ts). */
  folder: string;
}

/** A request's files, for whoever may see the request (404 otherwise, like the request itself). */
export function listAttachments(db: Db, user: SessionUser, requestId: number): AttachmentList {
  requireVisibleRequest(db, requestId, user);
  return { items: listForRequest(db, requestId) };
}

/** Refuses, before a byte of the body is read, an upload to a request the caller may not see. */
export function checkCanAttach(db: Db, user: SessionUser, requestId: number): void {
  requireVisibleRequest(db, requestId, user);
}

/**
 * Keeps a received file: its kind is read from the bytes (415 when not allowed), then, in one
 * write transaction, the caller's rights are checked as they stand, the file takes its stored
 * name and its row and activity entry are written. Whatever refuses it, neither the row nor the
 * file remains.
 */
export async function storeAttachment(
  deps: AttachmentDeps,
  actor: SessionUser,
  requestId: number,
  file: ReceivedFile,
): Promise<Attachment> {
  const finalPath = path.join(deps.folder, randomUUID());
  try {
    const kind = await sniffFileKind(file.tempPath, file.rawName);
    if (!kind) throw unsupportedKind();
    const name = cleanFileName(nameForKind(cleanFileName(file.rawName), kind));
    const now = deps.now().toISOString();
    return writeAs(deps.db, actor, 'signedIn', (tx, user) => {
      requireVisibleRequest(tx, requestId, user);
      if (file.deliverable && !mayMarkDeliverable(user)) throw deliverableForMarketing();
      // Moved into place inside the transaction: if the insert or the commit fails, the catch
      // below removes it, and a file only stays when its row does.
      fs.renameSync(file.tempPath, finalPath);
      const row = tx
        .insert(attachments)
        .values({
          requestId,
          uploadedById: user.id,
          name,
          storedName: path.basename(finalPath),
          size: file.size,
          contentType: kind.contentType,
          deliverable: file.deliverable,
          createdAt: now,
        })
        .returning()
        .get();
      recordActivity(tx, requestId, user.id, now, [{ kind: 'file_added', field: file.deliverable ? 'deliverable' : null, to: name }]);
      const { storedName: _stored, ...attachment } = row;
      return attachment;
    });
  } catch (err) {
    fs.rmSync(file.tempPath, { force: true });
    fs.rmSync(finalPath, { force: true });
    throw err;
  }
}

/** The file's row and where its bytes are, for whoever may see its request; 404 for anyone else. */
export function openAttachment(deps: AttachmentDeps, user: SessionUser, id: number): { attachment: Attachment; filePath: string } {
  const found = findAttachment(deps.db, id);
  if (!found || !findVisibleRequest(deps.db, found.requestId, user)) throw attachmentNotFound();
  const { storedName, ...attachment } = found;
  return { attachment, filePath: path.join(deps.folder, storedName) };
}

/**
 * Removes a file: its uploader or a lead, among those who may see the request. The row goes and
 * the activity says so in one transaction; the bytes are removed once that has committed.
 */
export function deleteAttachment(deps: AttachmentDeps, actor: SessionUser, id: number): void {
  const now = deps.now().toISOString();
  const storedName = writeAs(deps.db, actor, 'signedIn', (tx, user) => {
    const found = findAttachment(tx, id);
    if (!found || !findVisibleRequest(tx, found.requestId, user)) throw attachmentNotFound();
    if (!mayDeleteAttachment(user, found)) throw notUploader();
    tx.delete(attachments).where(eq(attachments.id, id)).run();
    recordActivity(tx, found.requestId, user.id, now, [
      { kind: 'file_removed', field: found.deliverable ? 'deliverable' : null, from: found.name },
    ]);
    return found.storedName;
  });
  fs.rmSync(path.join(deps.folder, storedName), { force: true });
}
