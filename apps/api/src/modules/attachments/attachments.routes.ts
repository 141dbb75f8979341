import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Attachment, AttachmentList } from '@altitude/shared/attachments';
import { Id } from '@altitude/shared/domain';
import { signedInUser } from '../../plugins/auth';
import { fileMissing } from './attachments.errors';
import {
  checkCanAttach,
  deleteAttachment,
  listAttachments,
  openAttachment,
  storeAttachment,
  type AttachmentDeps,
} from './attachments.service';
import { downloadHeaders } from './download-headers';
import { incomingPrefix, multipartLimits, receiveUpload } from './upload';

const Params = z.object({ id: Id });

export interface AttachmentRoutesOptions {
  /** The files folder (db/files-folder.ts). */
  folder: string;
  maxBytes: number;
}

/** Files on requests: list, upload, download, remove. */
export default async function attachmentRoutes(app: FastifyInstance, opts: AttachmentRoutesOptions) {
  fs.mkdirSync(opts.folder, { recursive: true });
  // Uploads a crash cut short; nothing refers to them.
  for (const name of fs.readdirSync(opts.folder)) {
    if (name.startsWith(incomingPrefix)) fs.rmSync(path.join(opts.folder, name), { force: true });
  }
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps: AttachmentDeps = { db: app.db, now: app.clock, folder: opts.folder };

  // Multipart is parsed for the upload alone: every other route, DELETE of a file included, still
  // refuses a multipart body as a cross-site form (plugins/security.ts).
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: multipartLimits(opts.maxBytes) });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/requests/:id/attachments', {
      config: { access: 'signedIn' },
      schema: {
        tags: ['attachments'],
        summary: 'Attach a file (multipart: `file`, optional `deliverable=true` for marketing; header X-Altitude-Upload: 1)',
        consumes: ['multipart/form-data'],
        params: Params,
        response: { '2xx': Attachment },
      },
      handler: async (request, reply) => {
        const user = signedInUser(request);
        checkCanAttach(app.db, user, request.params.id);
        const received = await receiveUpload(request, opts.folder, opts.maxBytes);
        return reply.code(201).send(await storeAttachment(deps, user, request.params.id, received));
      },
    });
  });

  r.get('/api/requests/:id/attachments', {
    config: { access: 'signedIn' },
    schema: { tags: ['attachments'], summary: "The request's files, oldest first", params: Params, response: { '2xx': AttachmentList } },
    handler: async (request) => listAttachments(app.db, signedInUser(request), request.params.id),
  });

  r.get('/api/attachments/:id/download', {
    config: { access: 'signedIn' },
    schema: { tags: ['attachments'], summary: 'The file itself, to whoever may see its request', params: Params },
    handler: async (request, reply) => {
      const { attachment, filePath } = openAttachment(deps, signedInUser(request), request.params.id);
      let stream: fs.ReadStream;
      try {
        stream = await openStream(filePath);
      } catch {
        throw fileMissing();
      }
      return reply.headers(downloadHeaders(attachment)).send(stream);
    },
  });

  r.delete('/api/attachments/:id', {
    config: { access: 'signedIn' },
    schema: { tags: ['attachments'], summary: 'Remove a file (its uploader, or a lead)', params: Params, response: { '2xx': z.null() } },
    handler: async (request, reply) => {
      deleteAttachment(deps, signedInUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}

/** Opens the file before any header is sent, so a missing one is still a clean 404. */
function openStream(filePath: string): Promise<fs.ReadStream> {
  return new Promise((resolve, reject) => {
    const stream = fs.createReadStream(filePath);
    stream.once('open', () => resolve(stream));
    stream.once('error', reject);
  });
}
