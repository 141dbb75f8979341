import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { closeDatabase, openDatabase, type Db } from '../db/client';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/** The process's single SQLite connection; closed (after a checkpoint) when the server closes. */
export default fp(
  async (app: FastifyInstance, opts: { databasePath: string }) => {
    const db = openDatabase(opts.databasePath);
    app.decorate('db', db);
    app.addHook('onClose', async () => closeDatabase(db));
  },
  { name: 'db' },
);
