import { inlineContentTypes, type Attachment } from '@altitude/shared/attachments';

/**
 * RFC 6266 Content-Disposition with an ASCII fallback `filename` and the exact name as RFC 5987
 * `filename*` (UTF-8, percent-encoded), which every current browser prefers.
 */
export function contentDisposition(name: string, inline: boolean): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // encodeURIComponent leaves ' ( ) * alone, which RFC 5987's attr-char does not allow.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The headers a file is served with. Only raster images may show in place; everything else is a
 * download. nosniff stops a browser guessing HTML from the bytes, and the sandboxing CSP means
 * that even a file opened in a tab runs no script and loads nothing.
 */
export function downloadHeaders(file: Pick<Attachment, 'name' | 'size' | 'contentType'>): Record<string, string> {
  const inline = inlineContentTypes.includes(file.contentType);
  return {
    'content-type': file.contentType.startsWith('text/') ? `${file.contentType}; charset=utf-8` : file.contentType,
    'content-length': String(file.size),
    'content-disposition': contentDisposition(file.name, inline),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
  };
}
