import type Database from 'better-sqlite3';

/**
 * The report rollups (schema.ts) are kept by triggers (drizzle/0004_report_rollup_triggers.sql),
 * one time entry at a time. For a bulk load (the benchmark's million entries) that is the slow
 * way: `bulkLoadTimeEntries` lifts the time-entry triggers, runs the load, then refills the
 * rollups in one pass with the migration's own backfill statements and puts the triggers back,
 * all inside the caller's transaction.
 */

const rollupTables = ['time_rollup_day', 'time_rollup_week', 'time_rollup_user_day', 'request_time', 'request_user_time'];

/**
 * The backfill statements of drizzle/0004, one per rollup table in `rollupTables` order, as the
 * migration wrote them (a migration is immutable history, so they are copied here rather than read
 * from the file at run time; rollups.test.ts holds the two texts equal).
 */
export const rollupBackfillSql: readonly string[] = [
  `INSERT INTO time_rollup_day (date, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
  SELECT e.date, r.department_id, r.type_id, sum(iif(r.class = 'strategic', e.minutes, 0)), sum(iif(r.class = 'tactical', e.minutes, 0)), sum(iif(r.class = 'unclassified', e.minutes, 0)), count(*)
  FROM time_entries AS e JOIN report_request_class AS r ON r.id = e.request_id
  GROUP BY e.date, r.department_id, r.type_id;`,
  `INSERT INTO time_rollup_week (week, department_id, type_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries, requests)
  SELECT date(e.date, '-6 days', 'weekday 1'), r.department_id, r.type_id, sum(iif(r.class = 'strategic', e.minutes, 0)), sum(iif(r.class = 'tactical', e.minutes, 0)), sum(iif(r.class = 'unclassified', e.minutes, 0)), count(*), count(DISTINCT e.request_id)
  FROM time_entries AS e JOIN report_request_class AS r ON r.id = e.request_id
  GROUP BY 1, r.department_id, r.type_id;`,
  `INSERT INTO time_rollup_user_day (date, user_id, strategic_minutes, tactical_minutes, unclassified_minutes, entries)
  SELECT e.date, e.user_id, sum(iif(r.class = 'strategic', e.minutes, 0)), sum(iif(r.class = 'tactical', e.minutes, 0)), sum(iif(r.class = 'unclassified', e.minutes, 0)), count(*)
  FROM time_entries AS e JOIN report_request_class AS r ON r.id = e.request_id
  GROUP BY e.date, e.user_id;`,
  `INSERT INTO request_time (request_id, department_id, type_id, first_date, last_date, minutes, entries)
  SELECT e.request_id, r.department_id, r.type_id, min(e.date), max(e.date), sum(e.minutes), count(*)
  FROM time_entries AS e JOIN requests AS r ON r.id = e.request_id
  GROUP BY e.request_id;`,
  `INSERT INTO request_user_time (request_id, user_id, first_date, last_date)
  SELECT request_id, user_id, min(date), max(date) FROM time_entries
  GROUP BY request_id, user_id;`,
];

/** Empties the rollups and fills them again from the time entries and requests as they are. */
export function rebuildReportRollups(sqlite: Database.Database): void {
  for (const table of rollupTables) sqlite.prepare(`DELETE FROM ${table}`).run();
  for (const statement of rollupBackfillSql) sqlite.prepare(statement).run();
}

/** Runs `load` with the time-entry triggers lifted, then rebuilds the rollups. Call it inside a transaction. */
export function bulkLoadTimeEntries<T>(sqlite: Database.Database, load: () => T): T {
  if (!sqlite.inTransaction) throw new Error('bulkLoadTimeEntries runs inside a transaction');
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'time_entries'").all() as {
    name: string;
    sql: string;
  }[];
  for (const t of triggers) sqlite.prepare(`DROP TRIGGER "${t.name}"`).run();
  const result = load();
  rebuildReportRollups(sqlite);
  for (const t of triggers) sqlite.prepare(t.sql).run();
  return result;
}
