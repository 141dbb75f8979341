import type { ServerResponse } from 'node:http';

/**
 * Writes to a long-lived response without letting a reader that does not keep up grow the
 * server's memory: once the bytes not yet handed to the network (the response's and its
 * socket's buffers) would pass `maxBuffered`, `onOverflow` is called instead of writing.
 */
export function boundedWriter(res: ServerResponse, maxBuffered: number, onOverflow: () => void) {
  return (chunk: string | Buffer) => {
    if (res.destroyed || res.writableEnded) return;
    if (res.writableLength + (typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length) > maxBuffered) {
      onOverflow();
      return;
    }
    res.write(chunk);
  };
}
