import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { todayIn } from '../modules/settings/company-clock';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Cache the serialised answer until the next successful write anywhere. `shared`: one
     * answer for everyone allowed to call the route (the URL decides); the board and reports.
     */
    cache?: 'shared';
  }
}

const maxEntries = 256;
const safe = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Heavy reads (the board, the reports) are rebuilt only after data changed: a key carries
 * SQLite's change counters, so any write makes the next read a miss, and a successful HTTP
 * write also empties the cache before its answer leaves. Keys carry the hour and the company's
 * date, so ages, default periods and "overdue" move on without writes, also at a midnight that
 * falls on the half hour (India, Newfoundland) or quarter hour (Nepal).
 */
export default fp(
  async (app: FastifyInstance) => {
    // Stored as bytes: a hit is then a copy to the socket, not a fresh UTF-8 encoding of a large string.
    const entries = new Map<string, Buffer>();
    const keys = new WeakMap<object, string>();
    // Rows changed by this connection, and commits by any other one: any write, even one that
    // did not come through HTTP (a script, a test), makes a new key.
    const changes = app.db.$client.prepare('select total_changes()').pluck();
    const keyOf = (url: string, userId: number) => {
      const now = app.clock();
      const when = `${now.toISOString().slice(0, 13)} ${todayIn(app.db, now)}`;
      const version = `${String(changes.get())}.${String(app.db.$client.pragma('data_version', { simple: true }))}`;
      // `mine` makes an answer personal.
      return `${version} ${when} ${/[?&]mine=/.test(url) ? `u${userId}` : ''} ${url}`;
    };

    app.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.config.cache !== 'shared' || request.method !== 'GET' || !request.user) return;
      const key = keyOf(request.url, request.user.id);
      const hit = entries.get(key);
      if (hit === undefined) {
        keys.set(request, key);
        return;
      }
      return reply.header('x-cache', 'hit').type('application/json; charset=utf-8').send(hit);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (!safe.has(request.method)) {
        if (reply.statusCode < 400) entries.clear();
        return payload;
      }
      const key = keys.get(request);
      if (key !== undefined && reply.statusCode === 200 && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
        const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, bytes);
        return bytes;
      }
      return payload;
    });
  },
  { name: 'read-cache', dependencies: ['auth'] },
);
