// The checkpointer's thread (checkpointer.ts says why): its own connection, a checkpoint every
// `everyMs`. Plain JavaScript because Node starts a worker from a file it can load itself: tsx's
// hooks do not reach a worker thread's entry on Node 20.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @type {{ file: string; everyMs: number; restartBytes: number }} */
const { file, everyMs, restartBytes } = workerData;

const sqlite = new Database(file);
// The checkpoint fsyncs the WAL before copying and the database file after, as the main connection would.
sqlite.pragma('synchronous = FULL');
sqlite.pragma('wal_autocheckpoint = 0');

const walBytes = () => {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

// While the main connection truncates the WAL (it asked for it below), this thread waits.
let truncating = false;
const checkpoint = () => {
  if (truncating) return;
  sqlite.pragma('wal_checkpoint(PASSIVE)');
  // Under writes that never pause, a passive checkpoint always lags a few frames and the WAL
  // never starts over. Past the bound the writer itself finishes the job: it is never starved
  // of the write lock, and the frames left to copy are few.
  if (walBytes() > restartBytes) {
    truncating = true;
    parentPort?.postMessage('truncate');
  }
};

const timer = setInterval(checkpoint, everyMs);
parentPort?.on('message', (message) => {
  if (message === 'truncated') truncating = false;
  if (message !== 'stop') return;
  clearInterval(timer);
  truncating = false;
  checkpoint();
  sqlite.close();
  parentPort?.close();
});
