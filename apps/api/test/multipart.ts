import { uploadHeader } from '@altitude/shared/attachments';

/**
 * multipart/form-data bodies built by hand, byte for byte as a browser sends them, so the upload
 * tests exercise the real parser rather than a client library's idea of it.
 */
export interface Part {
  name: string;
  /** Present for a file part. */
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}

export function multipartBody(parts: Part[], { appHeader = true }: { appHeader?: boolean } = {}) {
  const boundary = `----altitude-test-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const head = [`--${boundary}`, `Content-Disposition: ${disposition}`];
    if (part.filename !== undefined) head.push(`Content-Type: ${part.contentType ?? 'application/octet-stream'}`);
    chunks.push(Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'utf8'), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(appHeader ? { [uploadHeader]: '1' } : {}) },
  };
}

/** A real 1×1 PNG. */
export const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A minimal PDF: file-type reads its `%PDF-` signature. */
export const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

/** One PNG file called `name`, as the `file` part of an upload, plus any other fields. */
export const pngUpload = (name = 'logo.png', fields: Record<string, string> = {}) =>
  multipartBody([
    ...Object.entries(fields).map(([n, data]) => ({ name: n, data })),
    { name: 'file', filename: name, contentType: 'image/png', data: png },
  ]);
