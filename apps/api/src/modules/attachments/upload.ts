import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { uploadFields, uploadHeader } from '@altitude/shared/attachments';
import { badUpload, notAnUpload, tooLarge } from './attachments.errors';

/** A file received and written to a temporary name in the files folder, not yet anyone's. */
export interface ReceivedFile {
  tempPath: string;
  /** The name the browser sent, as is (cleaned later). */
  rawName: string;
  size: number;
  deliverable: boolean;
}

/** Temporary names start with this; whatever a crash left behind is removed at start-up. */
export const incomingPrefix = '.incoming-';

/** multipart limits: one file, the deliverable flag, nothing else of any size. */
export const multipartLimits = (maxBytes: number) => ({ fileSize: maxBytes, files: 1, fields: 2, parts: 3, fieldSize: 100 });

/**
 * Reads a multipart upload: the `file` part is streamed straight to disk (never held in memory)
 * under a temporary name, `deliverable` may come before or after it. Anything wrong (not
 * multipart, an unknown field, no file, an empty one, over the size limit, a broken body) throws
 * a problem after removing what was written.
 */
export async function receiveUpload(request: FastifyRequest, folder: string, maxBytes: number): Promise<ReceivedFile> {
  if (!request.isMultipart() || request.headers[uploadHeader] !== '1') throw notAnUpload();
  let received: { tempPath: string; rawName: string; size: number } | null = null;
  let deliverable = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== uploadFields.file) {
          part.file.resume();
          throw badUpload(part.fieldname, 'is not a field of an upload (send the file as "file")');
        }
        const tempPath = path.join(folder, `${incomingPrefix}${randomUUID()}`);
        received = { tempPath, rawName: part.filename, size: 0 };
        await pipeline(part.file, fs.createWriteStream(tempPath, { flags: 'wx' }));
        // With throwFileSizeLimit the stream fails first; this holds even if that default changes.
        if (part.file.truncated) throw tooLarge(maxBytes);
        received.size = fs.statSync(tempPath).size;
      } else if (part.fieldname === uploadFields.deliverable) {
        if (part.value !== 'true' && part.value !== 'false') throw badUpload('deliverable', 'must be "true" or "false"');
        deliverable = part.value === 'true';
      } else {
        throw badUpload(part.fieldname, 'is not a field of an upload');
      }
    }
    if (!received) throw badUpload('file', 'is required');
    if (received.size === 0) throw badUpload('file', 'is empty');
    return { ...received, deliverable };
  } catch (err) {
    if (received) fs.rmSync(received.tempPath, { force: true });
    throw asProblem(err, maxBytes);
  }
}

/** @fastify/multipart's and busboy's errors as the API's problems. */
function asProblem(err: unknown, maxBytes: number): unknown {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT') return badUpload('file', 'send one file per upload');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return badUpload('body', 'holds more parts than an upload has');
  // busboy's complaints about a malformed body (a cut boundary, a bad header) carry no status.
  if (err instanceof Error && !('status' in err) && !('statusCode' in err))
    return badUpload('body', `is not a readable upload: ${err.message}`);
  return err;
}
