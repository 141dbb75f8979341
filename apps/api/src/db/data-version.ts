import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Database.Statement<[], number>>();

/**
 * The connection's `PRAGMA data_version`: it moves when another connection (the writer thread, a
 * script) commits. The statement is compiled once per connection: `sqlite.pragma()` compiles it
 * on every call, and it is asked on every cached read and every write the writer thread answers.
 * data_version is read when the statement steps, not when it is compiled, so a kept statement
 * sees later commits (db/data-version.test.ts).
 */
export function dataVersion(sqlite: Database.Database): number {
  let statement = statements.get(sqlite);
  if (!statement) statements.set(sqlite, (statement = sqlite.prepare<[], number>('pragma data_version')));
  // Plucked at each use: db/statements.ts hands one statement to every caller of the same SQL text, and resets its mode.
  return Number(statement.pluck().get());
}
