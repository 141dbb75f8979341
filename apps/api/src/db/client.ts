import fs from 'node:fs';
import path from 'node:path';
import Database, { type RunResult } from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';
import { reuseStatements } from './statements';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle; keep the callback synchronous (better-sqlite3 commits when it returns). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the connection or a transaction. */
export type Queryable = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle');

/**
 * Opens a connection: the process's main one (the writer thread opens its own, writer/writer.ts).
 * synchronous=FULL: a committed change survives a power loss too, at a cost the benchmarks show
 * we can afford.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('temp_store = MEMORY');
  const mode = sqlite.pragma('journal_mode', { simple: true });
  if (file !== ':memory:' && mode !== 'wal') throw new Error(`SQLite refused WAL mode (got ${String(mode)})`);
  if (sqlite.pragma('synchronous', { simple: true }) !== 2) throw new Error('SQLite refused synchronous=FULL');
  reuseStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  // BEGIN IMMEDIATE: a transaction takes the write lock before its first read, so the version
  // it checks cannot change under it, and a second writer (a script, a backup) waits on
  // busy_timeout at BEGIN instead of failing with SQLITE_BUSY half-way through.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: 'immediate', ...config })) as typeof db.transaction;
  migrate(db, { migrationsFolder });
  return db;
}

export function closeDatabase(db: Db): void {
  if (!db.$client.open) return;
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
}
