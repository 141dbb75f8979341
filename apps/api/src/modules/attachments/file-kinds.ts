import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

/**
 * The kinds of file a request may carry, by the type read from the bytes (file-type): what a
 * marketing brief and its deliverables are made of. Anything else (HTML, SVG, scripts,
 * executables) is refused, whatever its name or the browser's claim.
 */
const sniffedAllowed = new Map<string, string[]>([
  ['image/png', ['png']],
  ['image/jpeg', ['jpg', 'jpeg']],
  ['image/gif', ['gif']],
  ['image/webp', ['webp']],
  ['application/pdf', ['pdf']],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx']],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx']],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', ['pptx']],
  ['application/zip', ['zip']],
  ['video/mp4', ['mp4']],
  ['video/quicktime', ['mov']],
]);

/**
 * Plain text has no signature for file-type to find, so it is judged by the name's extension,
 * and only when the bytes hold no signature at all and read as UTF-8 text without NUL bytes.
 * It is always served as a download, with nosniff, so a browser never renders it as HTML.
 */
const textByExtension = new Map<string, string>([
  ['txt', 'text/plain'],
  ['csv', 'text/csv'],
]);

export interface FileKind {
  contentType: string;
  /** The extensions this kind goes by, the first one preferred. */
  extensions: string[];
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

function isUtf8Text(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    // A multi-byte character cut at the end of the sample is not a reason to refuse.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return true;
  } catch {
    return false;
  }
}

/** The kind of the file at `filePath` (named `name` by its uploader), or null when it is not allowed. */
export async function sniffFileKind(filePath: string, name: string): Promise<FileKind | null> {
  const found = await fileTypeFromFile(filePath);
  if (found) {
    const extensions = sniffedAllowed.get(found.mime);
    return extensions ? { contentType: found.mime, extensions } : null;
  }
  const ext = extensionOf(name);
  const text = textByExtension.get(ext);
  return text && isUtf8Text(await readHead(filePath)) ? { contentType: text, extensions: [ext] } : null;
}

async function readHead(filePath: string, bytes = 64 * 1024): Promise<Buffer> {
  const file = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The name kept for a file: the uploader's, with the extension of what the bytes really are
 * appended when the name says otherwise ("logo.html" holding a PNG becomes "logo.html.png"), so
 * a downloaded file never opens as something it is not.
 */
export function nameForKind(name: string, kind: FileKind): string {
  return kind.extensions.includes(extensionOf(name)) ? name : `${name}.${kind.extensions[0]}`;
}
