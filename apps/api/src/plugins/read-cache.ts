import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

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
 * Heavy reads (the board, the reports) are rebuilt only after data changed: any successful
 * write clears the whole cache before its answer leaves, so a client never reads older data
 * than it has written. Keys carry the hour, so ages and "overdue" move on without writes.
 */
export default fp(
  async (app: FastifyInstance) => {
    const entries = new Map<string, string>();
    const keyOf = (url: string, userId: number | undefined) => {
      const hour = app.clock().toISOString().slice(0, 13);
      // `mine` makes an answer personal.
      return `${hour} ${/[?&]mine=/.test(url) ? `u${userId}` : ''} ${url}`;
    };

    app.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.config.cache !== 'shared' || request.method !== 'GET' || !request.user) return;
      const hit = entries.get(keyOf(request.url, request.user.id));
      if (hit === undefined) return;
      return reply.header('x-cache', 'hit').type('application/json; charset=utf-8').send(hit);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (!safe.has(request.method)) {
        if (reply.statusCode < 400) entries.clear();
        return payload;
      }
      if (request.routeOptions.config.cache === 'shared' && reply.statusCode === 200 && typeof payload === 'string' && request.user && !reply.hasHeader('x-cache')) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(keyOf(request.url, request.user.id), payload);
      }
      return payload;
    });
  },
  { name: 'read-cache', dependencies: ['auth'] },
);
