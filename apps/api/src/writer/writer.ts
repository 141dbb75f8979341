import { Worker } from 'node:worker_threads';
import type { SessionUser } from '@altitude/shared/auth';
import type { Db } from '../db/client';
import { writeNotSaved } from '../errors';
import { sessionIdOf } from '../modules/auth/sessions';
import type { Batch, WriteOutcome, WriterJob, WriterMessage, WriterOp, WriterOpArgs, WriterReply } from './messages';
import { problemOf } from './writer.errors';

/*
 * The writer thread: moves and filings, the board's hottest writes, run on a worker thread with
 * its own connection and commit queue (db/commit-queue.ts), so their COMMITs (the fsync of
 * synchronous=FULL, and writing each page to the WAL) no longer hold the event loop. Under ten
 * clients moving cards the COMMIT was about half of the main thread's time (bench/README.md).
 *
 * - The bodies are the main thread's own (writer/ops.ts), and the thread re-checks the actor and
 *   their session inside its transaction, as `writeAsQueued` does; each write answers exactly as
 *   it would on the main thread (a 409 with the current request, a 403, a 401, a 503).
 * - A write's promise settles after its group's COMMIT, so the route's after-commit effects
 *   (events, notification pushes) run after it, in order, on the main thread.
 * - The requests each group changed come back with its answers: the main connection logs them
 *   (change-log.ts), so the board snapshot patches those cards instead of rebuilding.
 * - Every other write stays on the main connection; both take SQLite's write lock in turn
 *   (BEGIN IMMEDIATE, busy_timeout).
 * - If the thread fails, its writes in flight answer 503 (nothing of an unfinished group is
 *   committed) and later writes run on the main thread again.
 */

export interface Writer {
  /** Runs `op` on the writer thread for `actor`; settles after its group's COMMIT. */
  run<K extends WriterOp, T>(op: K, actor: SessionUser, args: WriterOpArgs[K]): Promise<T>;
  /** Starts the WAL over from the thread that writes (the checkpointer asks, db/checkpointer.ts). */
  restartWal(): Promise<void>;
  /** Lets the writes already handed over commit and answer, then ends the thread. */
  stop(): Promise<void>;
}

const writers = new WeakMap<Db, Writer>();

/** The connection's writer thread, while it runs; undefined: write on the main thread. */
export const writerOf = (db: Db): Writer | undefined => writers.get(db);

/**
 * Starts the thread on the same database file. `hooks.handedOver` runs as each write is handed
 * over, `hooks.settled` as it answers, before its promise settles, with the requests its group
 * changed (the first answer of a group carries them all) and how it ended.
 */
export async function startWriter(
  db: Db,
  file: string,
  hooks: { handedOver: () => void; settled: (ids: number[], outcome: WriteOutcome) => void },
): Promise<Writer> {
  const worker = new Worker(new URL('./thread.mjs', import.meta.url), { workerData: { file } });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  const restarts: (() => void)[] = [];
  let next = 1;
  let alive = true;
  // Jobs handed over in one turn of the event loop (requests parsed together) leave as one message.
  let outbox: WriterMessage[] = [];
  const flush = () => {
    if (!outbox.length) return;
    const messages = outbox;
    outbox = [];
    if (alive) worker.postMessage({ type: 'batch', messages } satisfies Batch<WriterMessage>);
  };
  const post = (message: WriterMessage) => {
    if (!outbox.length) setImmediate(flush);
    outbox.push(message);
  };

  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: WriterReply) => (m.type === 'ready' ? resolve() : reject(new Error('writer thread did not start'))));
  });
  // A helper, not a reason to keep the process alive.
  worker.unref();

  const fail = () => {
    if (!alive) return;
    alive = false;
    writers.delete(db);
    outbox = [];
    for (const p of pending.values()) {
      hooks.settled([], 'failed');
      p.reject(writeNotSaved());
    }
    pending.clear();
    restarts.splice(0).forEach((done) => done());
  };
  worker.on('error', (err) => {
    process.emitWarning(`The writer thread failed; writes run on the main thread again: ${String(err)}`);
    fail();
  });
  worker.on('exit', fail);
  worker.on('message', (m: WriterReply | Batch<WriterReply>) => (m.type === 'batch' ? m.messages.forEach(receive) : receive(m)));
  function receive(m: WriterReply) {
    if (m.type === 'restarted') return restarts.shift()?.();
    if (m.type !== 'result') return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    hooks.settled(m.changed, m.ok ? 'done' : 'refused');
    if (m.ok) p.resolve(m.value);
    else p.reject(problemOf(m.error));
  }
  const writer: Writer = {
    run<K extends WriterOp, T>(op: K, actor: SessionUser, args: WriterOpArgs[K]): Promise<T> {
      if (!alive) return Promise.reject(writeNotSaved());
      return new Promise<T>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        hooks.handedOver();
        // The actor as a plain object: the session it came from travels beside it.
        const job: WriterJob = { type: 'job', id, op, actor: { ...actor }, sessionId: sessionIdOf(actor), args };
        post(job);
      });
    },
    restartWal() {
      if (!alive) return Promise.resolve();
      return new Promise<void>((resolve) => {
        restarts.push(resolve);
        // At once, not at the end of the turn: the WAL grows while the request waits.
        post({ type: 'restart' });
        flush();
      });
    },
    async stop() {
      if (!alive) return;
      writers.delete(db);
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      post({ type: 'stop' });
      flush();
      const timer = setTimeout(() => void worker.terminate(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  writers.set(db, writer);
  return writer;
}
