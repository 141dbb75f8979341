import { forbidden, HttpProblem, invalidInput, notFound } from '../../errors';

/** A file the caller may not see (its request is another department's) answers as a missing one. */
export const attachmentNotFound = () => notFound('attachment');

export const tooLarge = (maxBytes: number) =>
  new HttpProblem(413, 'attachment.too_large', `A file may hold at most ${formatBytes(maxBytes)}.`, [
    { path: 'file', message: `is larger than ${formatBytes(maxBytes)}` },
  ]);

export const unsupportedKind = () =>
  new HttpProblem(
    415,
    'attachment.unsupported_type',
    'Attach images (PNG, JPEG, GIF, WebP), PDF, Word, Excel or PowerPoint files, ZIP archives, MP4 or MOV videos, or plain text and CSV.',
    [{ path: 'file', message: 'is not a kind of file Altitude keeps' }],
  );

/** The same code Fastify's own refusal of a body type has: this is that refusal, for uploads. */
export const notAnUpload = () =>
  new HttpProblem(
    415,
    'body.unsupported_media_type',
    'Send files as multipart/form-data from Altitude (with the X-Altitude-Upload header).',
  );

export const badUpload = (path: string, message: string) => invalidInput(path, message);

export const notUploader = () => new HttpProblem(403, 'attachment.not_uploader', 'Only whoever attached a file, or a lead, may remove it.');

/** Marking a deliverable is marketing's: a 403 naming the field. */
export const deliverableForMarketing = () => forbidden(['deliverable']);

/** The row is there but its bytes are not (removed by hand, or a restore without the files folder). */
export const fileMissing = () => new HttpProblem(404, 'attachment.file_missing', 'The file is no longer on the server.');

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
