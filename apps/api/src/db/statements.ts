import type Database from 'better-sqlite3';

/*
 * The statements cache: the one place that keeps compiled SQL between calls. Two levels, one
 * per-connection store:
 * - SQLite statements by SQL text (`reuseStatements`, installed by openDatabase). Drizzle
 *   prepares every query afresh, and SQLite's prepare is a good part of a small write's cost.
 * - Drizzle prepared queries by name (`prepareOnce`). On the hot paths (the session lookup,
 *   reading a card, a move) building the SQL text from the query builder cost more than SQLite
 *   running it (bench/README.md).
 * Both are plain caches: dropping either changes no answer, only the time it takes.
 */

/** Drizzle prepared queries, per connection session (a transaction shares its connection's). */
const queriesBySession = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle prepared query, built once per connection (`db`: the connection or a transaction). A transaction shares its connection's
 * session, so a query built either way serves both inside and outside transactions. The session
 * is Drizzle's own (not part of its typed API); this is the only place that reads it.
 */
export function prepareOnce<T>(db: object, name: string, build: () => T): T {
  const session = (db as unknown as { session: object }).session;
  let cache = queriesBySession.get(session);
  if (!cache) queriesBySession.set(session, (cache = new Map()));
  if (!cache.has(name)) cache.set(name, build());
  return cache.get(name) as T;
}

/**
 * Makes `sqlite.prepare` hand back the statement it compiled before for the same SQL text (up to
 * `max` texts), reset to its default mode (drizzle switches readers to raw mode, a caller may
 * pluck). Nothing here iterates, so a statement is never busy when it is handed out again.
 */
export function reuseStatements(sqlite: Database.Database, max = 1000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = statements.get(source);
    if (cached) {
      if (cached.reader) cached.pluck(false).raw(false);
      return cached;
    }
    const statement = prepare(source);
    if (statements.size < max) statements.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}
