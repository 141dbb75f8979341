import net from 'node:net';

/** A bare TCP connection to the server, for clients that misbehave the way a browser never would. */
export interface RawSocket {
  socket: net.Socket;
  /** Everything the server has sent so far. */
  received(): string;
  /** Resolves once the server has closed the connection (or it failed), with ms since connect. */
  closed: Promise<number>;
  isClosed(): boolean;
}

export function rawSocket(port: number): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const startedAt = performance.now();
    let data = '';
    let done = false;
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (data += d));
    const closed = new Promise<number>((res) => {
      socket.on('close', () => {
        done = true;
        res(performance.now() - startedAt);
      });
    });
    // A reset is a way of being closed too.
    socket.on('error', () => undefined);
    socket.once('connect', () => resolve({ socket, received: () => data, closed, isClosed: () => done }));
    socket.once('error', (err) => {
      if (!socket.connecting) return;
      reject(err);
    });
  });
}

/** Waits for `promise` up to `ms`; resolves with its value, or 'timeout'. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([promise, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);
}

/** Writes `chunk` every `everyMs` until the socket closes (a trickle); returns a stop function. */
export function trickle(socket: net.Socket, chunk: string, everyMs: number): () => void {
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) return clearInterval(timer);
    socket.write(chunk);
  }, everyMs);
  return () => clearInterval(timer);
}
