import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { startCheckpointer } from '../db/checkpointer';
import { closeDatabase, openDatabase, type Db } from '../db/client';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/**
 * The process's single SQLite connection; closed (after a checkpoint) when the server closes.
 * With `checkpointInBackground` (the server's choice) a worker thread checkpoints the WAL
 * (db/checkpointer.ts); tests that build many apps keep SQLite's own checkpoints.
 */
export default fp(
  async (app: FastifyInstance, opts: { databasePath: string; checkpointInBackground?: boolean }) => {
    const db = openDatabase(opts.databasePath);
    app.decorate('db', db);
    const checkpointer = opts.checkpointInBackground && opts.databasePath !== ':memory:' ? startCheckpointer(db, opts.databasePath) : null;
    app.addHook('onClose', async () => {
      await checkpointer?.stop();
      closeDatabase(db);
    });
  },
  { name: 'db' },
);
