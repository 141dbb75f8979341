import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionUser } from '@altitude/shared/auth';
import fp from 'fastify-plugin';
import { dataVersion } from '../db/data-version';
import { todayIn } from '../modules/settings/company-clock';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Cache the serialised answer until the next successful write anywhere. `shared`: one
     * answer per validated query for everyone allowed to call the route, unless the answer is
     * personal (`mine`, `following`), which is kept per user; the board and reports. Only a
     * string or buffer answer is kept: the unfiltered board streams its snapshot's pieces and is
     * cached by the snapshot (board-snapshot.ts).
     */
    cache?: 'shared';
    /**
     * Answer a GET with an ETag derived from the same key (plus the caller and this process) and
     * honour If-None-Match with an empty 304: a client holding the answer revalidates for free.
     * Works with or without `cache`.
     */
    revalidate?: true;
  }
}

/** May be kept by the browser alone, and must be revalidated (with its ETag) before each use. */
export const revalidateCacheControl = 'private, no-cache';

/** Weak comparison (RFC 9110 §13.1.2): W/ is ignored; `*` matches any current answer. */
export function ifNoneMatchHolds(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === opaque;
  });
}

const maxEntries = 256;
const safe = new Set(['GET', 'HEAD', 'OPTIONS']);

/** JSON with object keys sorted at every depth: equal values, equal text, whatever order the URL had. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Heavy reads (the board, the reports) are rebuilt only after data changed: a key carries
 * SQLite's change counters, so any write makes the next read a miss, and a successful HTTP
 * write also empties the cache before its answer leaves. Keys carry the minute and the company's
 * date, so ages, SLA states, default periods and "overdue" move on without writes, also at a midnight that
 * falls on the half hour (India, Newfoundland) or quarter hour (Nepal).
 */
export default fp(
  async (app: FastifyInstance) => {
    // Stored as bytes: a hit is then a copy to the socket, not a fresh UTF-8 encoding of a large string.
    const entries = new Map<string, Buffer>();
    const keys = new WeakMap<object, string>();
    const etags = new WeakMap<object, string>();
    // SQLite's change counters start again with the process: without this, an ETag taken before a
    // restart could match a different answer after it.
    const boot = crypto.randomBytes(8).toString('hex');
    // Rows changed by this connection, and commits by any other one: any write, even one that
    // did not come through HTTP (a script, a test), makes a new key.
    const changes = app.db.$client.prepare('select total_changes()').pluck();
    /**
     * The key is built from what the handler will read, not from the raw URL: the route, its
     * params and its query as validated (so `?%6Dine=1` and `?mine=true` are one key, and
     * parameter order does not matter). The role is always in it; the user too when the answer
     * depends on who asks (`mine`, `following`, or a requester's view, should one ever reach a cached route).
     */
    const keyOf = (request: FastifyRequest, user: SessionUser) => {
      const now = app.clock();
      // The minute and the company's date: ages, "overdue" and SLA states (counted in business
      // minutes) move on without writes.
      const when = `${now.toISOString().slice(0, 16)} ${todayIn(app.db, now)}`;
      const version = `${String(changes.get())}.${String(dataVersion(app.db.$client))}`;
      const query = (request.query ?? {}) as Record<string, unknown>;
      const personal = query.mine === true || query.following === true || user.role === 'requester';
      return `${version} ${when} ${request.routeOptions.url ?? ''} ${stableJson(request.params ?? {})} ${stableJson(query)} ${user.role}${personal ? ` u${user.id}` : ''}`;
    };

    /**
     * Weak: it names what the answer was computed from, not its bytes. The user is always in it,
     * even where the cache shares one answer per role, so no one's ETag is ever worth a 304 to
     * anyone else.
     */
    const etagOf = (key: string, user: SessionUser) =>
      `W/"${crypto.createHash('sha256').update(`${boot} ${key} u${user.id}`).digest('base64url').slice(0, 27)}"`;

    // preHandler: after the query is validated and transformed (and access checked), before the handler runs.
    app.addHook('preHandler', async (request, reply) => {
      const { cache, revalidate } = request.routeOptions.config;
      // HEAD is GET without the body (RFC 9110 §9.3.2): the same ETag, and the same 304.
      if ((cache !== 'shared' && !revalidate) || (request.method !== 'GET' && request.method !== 'HEAD') || !request.user) return;
      // Taken before the handler reads: a write in between makes the ETag older than the answer,
      // so the next read is a 200, never a 304 for data the client does not have.
      const key = keyOf(request, request.user);
      if (revalidate) {
        const etag = etagOf(key, request.user);
        if (ifNoneMatchHolds(request.headers['if-none-match'], etag))
          return reply.code(304).header('etag', etag).header('cache-control', revalidateCacheControl).send();
        etags.set(request, etag);
      }
      if (cache !== 'shared') return;
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
      const etag = etags.get(request);
      // Only a 200 is the answer the ETag names; an error keeps the API's no-store.
      if (etag !== undefined && reply.statusCode === 200) reply.header('etag', etag).header('cache-control', revalidateCacheControl);
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
