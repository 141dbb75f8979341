import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * The report rollups (schema.ts) are kept by triggers (drizzle/0004_report_rollup_triggers.sql),
 * one time entry at a time. For a bulk load (the benchmark's million entries) that is the slow
 * way: `bulkLoadTimeEntries` lifts the time-entry triggers, runs the load, then refills the
 * rollups in one pass with the migration's own backfill statements and puts the triggers back,
 * all inside the caller's transaction.
 */

const triggersFile = path.resolve(import.meta.dirname, '../../drizzle/0004_report_rollup_triggers.sql');
const rollupTables = ['time_rollup_day', 'time_rollup_week', 'time_rollup_user_day', 'request_time', 'request_user_time'];

/** The migration's backfill statements: every INSERT that is not inside a trigger. */
function backfillStatements(): string[] {
  return fs
    .readFileSync(triggersFile, 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => /^INSERT INTO/i.test(s));
}

/** Empties the rollups and fills them again from the time entries and requests as they are. */
export function rebuildReportRollups(sqlite: Database.Database): void {
  const statements = backfillStatements();
  if (statements.length !== rollupTables.length) throw new Error(`expected ${rollupTables.length} backfill statements in ${triggersFile}, found ${statements.length}`);
  for (const table of rollupTables) sqlite.prepare(`DELETE FROM ${table}`).run();
  for (const statement of statements) sqlite.prepare(statement).run();
}

/** Runs `load` with the time-entry triggers lifted, then rebuilds the rollups. Call it inside a transaction. */
export function bulkLoadTimeEntries<T>(sqlite: Database.Database, load: () => T): T {
  if (!sqlite.inTransaction) throw new Error('bulkLoadTimeEntries runs inside a transaction');
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'time_entries'").all() as { name: string; sql: string }[];
  for (const t of triggers) sqlite.prepare(`DROP TRIGGER "${t.name}"`).run();
  const result = load();
  rebuildReportRollups(sqlite);
  for (const t of triggers) sqlite.prepare(t.sql).run();
  return result;
}
