import { asc, eq } from 'drizzle-orm';
import type { Attachment } from '@altitude/shared/attachments';
import type { Queryable } from '../../db/client';
import { attachments } from '../../db/schema-attachments';

const publicColumns = {
  id: attachments.id,
  requestId: attachments.requestId,
  name: attachments.name,
  size: attachments.size,
  contentType: attachments.contentType,
  deliverable: attachments.deliverable,
  uploadedById: attachments.uploadedById,
  createdAt: attachments.createdAt,
};

/** A request's files, oldest first. */
export function listForRequest(db: Queryable, requestId: number): Attachment[] {
  return db
    .select(publicColumns)
    .from(attachments)
    .where(eq(attachments.requestId, requestId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
    .all();
}

/** One file with the name its bytes are stored under (never sent to a client). */
export function findAttachment(db: Queryable, id: number): (Attachment & { storedName: string }) | undefined {
  return db
    .select({ ...publicColumns, storedName: attachments.storedName })
    .from(attachments)
    .where(eq(attachments.id, id))
    .get();
}
