import { z } from 'zod';
import type { Role } from './domain';

/** A file on a request: reference material, or (marked by marketing) a deliverable. */
export const Attachment = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  /** The uploader's file name, cleaned (no path, no control characters, at most `attachmentNameMax`). */
  name: z.string(),
  /** Bytes. */
  size: z.number().int(),
  /** The type read from the file's bytes, never the one the browser claimed. */
  contentType: z.string(),
  deliverable: z.boolean(),
  uploadedById: z.number().int(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentList = z.object({ items: z.array(Attachment) });
export type AttachmentList = z.infer<typeof AttachmentList>;

/** The multipart field names an upload may carry (`POST /api/requests/:id/attachments`). */
export const uploadFields = { file: 'file', deliverable: 'deliverable' } as const;

/**
 * Sent with every upload. A cross-site form can post multipart/form-data with the user's cookie
 * and no preflight, but cannot add a header: the API refuses a multipart body without it.
 */
export const uploadHeader = 'x-altitude-upload';

export const attachmentNameMax = 200;

/** 50 MB, the per-file limit unless ATTACHMENT_MAX_BYTES says otherwise. */
export const defaultAttachmentMaxBytes = 50 * 1024 * 1024;

/** Marking a file as a deliverable is marketing's call: marketers and leads. */
export const mayMarkDeliverable = (user: { role: Role }) => user.role !== 'requester';

/** Who may delete a file (among those who may see its request): whoever uploaded it, or a lead. */
export const mayDeleteAttachment = (user: { id: number; role: Role }, file: Pick<Attachment, 'uploadedById'>) =>
  user.role === 'lead' || file.uploadedById === user.id;

/**
 * Raster images are the only files a browser may show in place (an <img> cannot run script);
 * everything else, SVG and HTML above all, is downloaded.
 */
export const inlineContentTypes: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/**
 * A file name safe to store and show: the last path segment only, no control or bidi-override
 * characters (which can disguise "gpj.exe" as "exe.jpg"), no leading dots, whitespace collapsed,
 * at most `attachmentNameMax` characters with the extension kept. Never empty.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  if (!cleaned) return 'file';
  const chars = [...cleaned];
  if (chars.length <= attachmentNameMax) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 ? [...cleaned.slice(dot)] : [];
  const keepExt = ext.length > 0 && ext.length <= 16 ? ext : [];
  return chars.slice(0, attachmentNameMax - keepExt.length).join('') + keepExt.join('');
}
