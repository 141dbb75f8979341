import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Db } from './client';

/*
 * The WAL checkpointer: copies committed pages from the WAL into the database file on a worker
 * thread, with its own connection, so the event loop never waits for it.
 *
 * SQLite's default (wal_autocheckpoint = 1000 pages) runs the checkpoint inside the COMMIT that
 * crosses the threshold: with synchronous=FULL that COMMIT also writes and fsyncs the database
 * file, and on this one-connection server every request waits behind it. Those commits were the
 * tail of the load benchmark (moves p50 6 ms, p99 60–100 ms).
 *
 * Here the main connection does not checkpoint on its own; every `everyMs` the worker runs a
 * PASSIVE checkpoint, which takes no lock a reader or writer waits on. Under sustained writes a
 * passive checkpoint can always lag a few frames, so the WAL would never start over: once it
 * holds more than `restartBytes` of frames, the worker asks the main connection, between two
 * requests, for a RESTART checkpoint. The worker has just copied nearly every frame, so that
 * costs the event loop a few frames and two fsyncs about once per `restartBytes` written, and
 * the writer cannot be starved of its own lock as a second connection would be. RESTART, not
 * TRUNCATE: the next commits overwrite the file's blocks instead of growing it again, and a
 * growing file's fsync also commits its new size (journal_size_limit caps the file). If the
 * worker fails, the main connection takes checkpointing back (SQLite's default).
 */

export interface CheckpointerOptions {
  /** How often the worker checkpoints (ms). */
  everyMs?: number;
  /** How much the WAL may hold (frames since it started over) before the writer makes it start over. */
  restartBytes?: number;
  /**
   * Who starts the WAL over when another thread writes too (the writer thread, writer/writer.ts):
   * the connection that writes most. Absent: the main connection, between two requests.
   */
  restartWal?: () => Promise<void>;
}

export interface Checkpointer {
  /** Stops the worker (its last checkpoint done) and hands checkpointing back to the main connection. */
  stop(): Promise<void>;
}

const sqliteDefaultPages = 1000;

export function startCheckpointer(db: Db, file: string, opts: CheckpointerOptions = {}): Checkpointer {
  const sqlite = db.$client;
  const restartBytes = opts.restartBytes ?? 16 * 1024 * 1024;
  sqlite.pragma('wal_autocheckpoint = 0');
  // A burst can take the file past the bound; at its next start-over SQLite cuts it back to this.
  sqlite.pragma(`journal_size_limit = ${2 * restartBytes}`);
  const handBack = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${sqliteDefaultPages}`);
  };
  const worker = new Worker(new URL('./checkpointer-worker.mjs', import.meta.url), {
    workerData: { file, everyMs: opts.everyMs ?? 200, restartBytes },
  });
  // The worker is a helper, not a reason to keep the process alive.
  worker.unref();
  worker.on('message', (message) => {
    if (message !== 'restart' || !sqlite.open) return;
    const restartWal = opts.restartWal;
    if (restartWal) {
      void restartWal().then(() => worker.postMessage('restarted'));
      return;
    }
    // Runs between tasks, so never inside a write transaction (their bodies are synchronous).
    restartWalNow(sqlite);
    worker.postMessage('restarted');
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      handBack();
      resolve();
    });
  });
  worker.on('error', (err) => {
    if (!stopping) process.emitWarning(`WAL checkpointer failed; the main connection checkpoints again: ${String(err)}`);
  });
  return {
    async stop() {
      stopping = true;
      worker.postMessage('stop');
      await exited;
    },
  };
}

/**
 * A RESTART checkpoint on `sqlite`, between two tasks. Without waiting: a long reader elsewhere (a
 * backup) makes it give up at once (the WAL then starts over at a later commit), not block the
 * thread for busy_timeout; the checkpointer asks again on a later round.
 */
export function restartWalNow(sqlite: Database.Database): void {
  const wait = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite.pragma('wal_checkpoint(RESTART)');
  } finally {
    sqlite.pragma(`busy_timeout = ${wait}`);
  }
}

/** The WAL file's size in bytes (0 when there is none). */
export function walBytes(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}
