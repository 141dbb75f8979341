import type { Queryable } from './client';

const bySession = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle prepared query, built once per connection. On the hot paths (the session lookup,
 * reading a card, a move) building the SQL text from the query builder cost more than SQLite
 * running it. A transaction shares its connection's session, so a query built either way serves
 * both inside and outside transactions.
 */
export function prepareOnce<T>(db: Queryable, name: string, build: () => T): T {
  const session = (db as unknown as { session: object }).session;
  let cache = bySession.get(session);
  if (!cache) bySession.set(session, (cache = new Map()));
  if (!cache.has(name)) cache.set(name, build());
  return cache.get(name) as T;
}
