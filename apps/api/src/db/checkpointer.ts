import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './client';

/*
 * WAL checkpoints off the main thread. By default SQLite checkpoints inside the COMMIT that takes
 * the WAL past 1,000 pages: that request's connection copies the pages into the database file and
 * fsyncs the WAL and the file, while the event loop waits (every read and write in flight with it).
 * Here the request connection never checkpoints (`wal_autocheckpoint=0`); a worker thread with its
 * own connection to the same file runs `PRAGMA wal_checkpoint(PASSIVE)` on a timer (WAL lets one
 * connection checkpoint while another writes; PASSIVE never waits for a lock, so the writer is not
 * held up). The WAL cannot grow without end:
 * - `journal_size_limit` trims the file when the writer starts it again after a full checkpoint;
 * - past `capBytes` (the worker lags, or writes kept landing during its checkpoints so the WAL was
 *   never started again) the main thread checkpoints once itself, as SQLite would have;
 * - if the worker dies, the connection goes back to SQLite's own autocheckpoint.
 * Closing stops the worker (its connection closed) before the main connection's TRUNCATE at close.
 */

export interface CheckpointResult {
  /** SQLITE_BUSY from the checkpoint (another checkpoint ran), 0 or 1. */
  busy: number;
  /** Frames in the WAL when it ran, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

export interface CheckpointerOptions {
  /** How often the worker checkpoints, ms. */
  everyMs?: number;
  /** WAL file size past which the main thread checkpoints once itself (a lagging worker, a WAL never started again), bytes. */
  capBytes?: number;
}

export interface Checkpointer {
  /** Checkpoints the worker has run and the last one's result (for tests and diagnosis). */
  readonly stats: { runs: number; last: CheckpointResult | null; fallbacks: number };
  /** Resolves on the worker's next checkpoint result. */
  next(): Promise<CheckpointResult>;
  /** Stops the worker and closes its connection; the main connection stays as it is. */
  stop(): Promise<void>;
}

const defaultEveryMs = 1000;
/** 1,024 pages of 4 KiB: where SQLite's own autocheckpoint would have run. */
const defaultCapBytes = 4 * 1024 * 1024;

// Plain CommonJS evaluated in the worker, so it runs the same under tsx, vitest and node.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
let timer = null;
// Commits landing during a checkpoint are left for the next one; while a pass finds new frames
// and copies them all, one more pass follows (a few pages, quick), so that a pass ends with every
// frame copied and the writer can start the WAL again at its next commit.
const tick = () => {
  try {
    let r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    for (let pass = 1, seen = r.log; pass < workerData.passes; pass++) {
      const again = db.pragma('wal_checkpoint(PASSIVE)')[0];
      if (again.log === seen) break;
      seen = again.log;
      r = again;
    }
    parentPort.postMessage({ busy: r.busy, log: r.log, checkpointed: r.checkpointed });
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
};
timer = setInterval(tick, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage({ ready: true });
`;

export function startCheckpointer(db: Db, file: string, opts: CheckpointerOptions = {}): Checkpointer {
  const everyMs = opts.everyMs ?? defaultEveryMs;
  const capBytes = opts.capBytes ?? defaultCapBytes;
  const sqlite = db.$client;
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.pragma(`journal_size_limit = ${capBytes}`);
  const stats: Checkpointer['stats'] = { runs: 0, last: null, fallbacks: 0 };
  const waiting: ((r: CheckpointResult) => void)[] = [];
  let stopping = false;

  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { file, everyMs, passes: 4, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  worker.unref();
  worker.on('message', (m: CheckpointResult | { ready: true } | { error: string }) => {
    if ('ready' in m || 'error' in m) return;
    stats.runs++;
    stats.last = m;
    waiting.splice(0).forEach((resolve) => resolve(m));
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fallBack = () => {
    // The worker is gone: SQLite's own checkpoint in the COMMIT is better than none.
    if (!stopping && sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);

  // The writer starts the WAL again only if, when its transaction begins, every frame is in the
  // database file; a commit landing while the worker copies defeats that, and under a steady
  // stream of writes it may never happen. So past `capBytes` the main thread checkpoints once
  // itself (no writer runs alongside it, so it completes; most frames are already copied by the
  // worker, so it is short), the next write starts the WAL again and trims it to `capBytes`.
  const walFile = `${file}-wal`;
  const guard = setInterval(() => {
    if (!sqlite.open) return;
    let size = 0;
    try {
      size = fs.statSync(walFile).size;
    } catch {
      return;
    }
    if (size <= capBytes) return;
    stats.fallbacks++;
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  }, everyMs);
  guard.unref();

  return {
    stats,
    next: () => new Promise((resolve) => waiting.push(resolve)),
    async stop() {
      if (stopping) return exited;
      stopping = true;
      clearInterval(guard);
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
