// The writer thread's entry (writer.ts says why the thread exists). Plain JavaScript because Node
// starts a worker from a file it can load itself: tsx's hooks do not reach a worker thread's
// entry on Node 20, so the TypeScript side is loaded through tsx's API.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const thread = await tsImport('./thread.ts', import.meta.url);
thread.start(parentPort, workerData);
