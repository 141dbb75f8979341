import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { restartWalNow, startCheckpointer } from '../db/checkpointer';
import { closeDatabase, openDatabase, type Db } from '../db/client';
import { foreignWriteSettled, foreignWriteStarted } from '../modules/board/change-log';
import { startWriter, writerOf } from '../writer/writer';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/**
 * The process's SQLite connection; closed (after a checkpoint) when the server closes. With
 * `checkpointInBackground` (the server's choice) a worker thread checkpoints the WAL
 * (db/checkpointer.ts); with `writerThread` (the server's choice too) moves and filings commit on
 * a writer thread with its own connection (writer/writer.ts). Tests that build many apps keep
 * SQLite's own checkpoints and write on the main thread, but for the ones that try these.
 */
export default fp(
  async (app: FastifyInstance, opts: { databasePath: string; checkpointInBackground?: boolean; writerThread?: boolean }) => {
    const db = openDatabase(opts.databasePath);
    app.decorate('db', db);
    const onFile = opts.databasePath !== ':memory:';
    // Started now, awaited when the app is ready: the thread loads its modules while the rest of
    // the app does. A thread that cannot start leaves every write on the main thread.
    const writerStarting =
      opts.writerThread && onFile
        ? startWriter(db, opts.databasePath, {
            handedOver: () => foreignWriteStarted(db.$client),
            settled: (ids, outcome) => foreignWriteSettled(db.$client, ids, outcome),
          }).catch((err: unknown) => {
            app.log.warn({ err }, 'the writer thread did not start; every write runs on the main thread');
            return null;
          })
        : null;
    const checkpointer =
      opts.checkpointInBackground && onFile
        ? startCheckpointer(db, opts.databasePath, {
            // The writer thread writes most, so it starts the WAL over while it runs.
            restartWal: writerStarting ? async () => (writerOf(db) ? writerOf(db)!.restartWal() : restartWalNow(db.$client)) : undefined,
          })
        : null;
    app.addHook('onReady', async () => void (await writerStarting));
    app.addHook('onClose', async () => {
      await (await writerStarting)?.stop();
      await checkpointer?.stop();
      closeDatabase(db);
    });
  },
  { name: 'db' },
);
