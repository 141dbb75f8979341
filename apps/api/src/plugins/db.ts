import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { startCheckpointer, type Checkpointer } from '../db/checkpointer';
import { closeDatabase, openDatabase, type Db } from '../db/client';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** The WAL checkpoint worker of a file database (null in memory). */
    checkpointer: Checkpointer | null;
  }
}

/** The process's single SQLite connection; closed (after a checkpoint) when the server closes. */
export default fp(
  async (app: FastifyInstance, opts: { databasePath: string; checkpointEveryMs?: number }) => {
    const db = openDatabase(opts.databasePath);
    app.decorate('db', db);
    const checkpointer: Checkpointer | null =
      opts.databasePath === ':memory:' ? null : startCheckpointer(db, opts.databasePath, { everyMs: opts.checkpointEveryMs });
    app.decorate('checkpointer', checkpointer);
    app.addHook('onClose', async () => {
      await checkpointer?.stop();
      closeDatabase(db);
    });
  },
  { name: 'db' },
);
