// The checkpointer's thread (checkpointer.ts says why): its own connection, a checkpoint every
// `everyMs`. Plain JavaScript because Node starts a worker from a file it can load itself: tsx's
// hooks do not reach a worker thread's entry on Node 20.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @type {{ file: string; everyMs: number; restartBytes: number }} */
const { file, everyMs, restartBytes } = workerData;

const sqlite = new Database(file);
// The checkpoint fsyncs the WAL before copying and the database file after, as the main connection would.
sqlite.pragma('synchronous = FULL');
sqlite.pragma('wal_autocheckpoint = 0');

// A WAL frame: a page and its 24-byte header.
const frameBytes = Number(sqlite.pragma('page_size', { simple: true })) + 24;

// While the main connection restarts the WAL (it asked for it below), this thread waits.
let restarting = false;
const checkpoint = () => {
  if (restarting) return;
  // `log`: the frames the WAL holds since it last started over.
  const [result] = /** @type {{ busy: number; log: number; checkpointed: number }[]} */ (sqlite.pragma('wal_checkpoint(PASSIVE)'));
  // Under writes that never pause, a passive checkpoint always lags a few frames and the WAL
  // never starts over. Past the bound the writer itself finishes the job, right after this
  // copy: it is never starved of the write lock, and the frames left to copy are few.
  if (result && result.log * frameBytes > restartBytes) {
    restarting = true;
    parentPort?.postMessage('restart');
  }
};

const timer = setInterval(checkpoint, everyMs);
parentPort?.on('message', (message) => {
  if (message === 'restarted') restarting = false;
  if (message !== 'stop') return;
  clearInterval(timer);
  restarting = false;
  checkpoint();
  sqlite.close();
  parentPort?.close();
});
