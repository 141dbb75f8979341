import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../src/db/client';
import { bulkLoadTimeEntries } from '../src/modules/insights/rollups';
import * as schema from '../src/db/schema';
import { seedDemo } from '../src/db/seed/demo';
import { cycleDays, reportClass } from '../src/modules/insights/report-class';
import { demoToday } from './harness';
import { allEntries, readRollups, recomputeRollups } from './report-oracle';

/**
 * The report rollups (drizzle/0003, 0004): an existing database gets them filled from what it
 * holds when it migrates, and the report queries read the indexes built for them.
 */

const migrationsFolder = path.resolve(import.meta.dirname, '../drizzle');
const rollupMigration = '0003_report_rollups';

/** Copies every row of `source` into the tables `target` has, in the columns it has (no rollup triggers fire: it has none). */
function copyIntoOlderSchema(target: Database.Database, source: string) {
  target.pragma('foreign_keys = OFF');
  target.prepare('attach database ? as source').run(source);
  const tables = target
    .prepare("select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
    .pluck()
    .all() as string[];
  target.transaction(() => {
    for (const table of tables) {
      const columns = (target.prepare(`select name from pragma_table_info('${table}')`).pluck().all() as string[]).map((c) => `"${c}"`);
      target.prepare(`delete from main."${table}"`).run();
      target.prepare(`insert into main."${table}" (${columns.join(', ')}) select ${columns.join(', ')} from source."${table}"`).run();
    }
  })();
  target.prepare('detach database source').run();
  target.pragma('foreign_keys = ON');
}

describe('report rollups', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-rollups-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a database with months of time entries and no rollups gets them, equal to a recomputation, when it migrates', async () => {
    // The migrations as they were before the rollups: a copy of the folder with a shorter journal.
    const before = path.join(dir, 'drizzle-before');
    fs.cpSync(migrationsFolder, before, { recursive: true });
    const journalFile = path.join(before, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag === rollupMigration);
    expect(at).toBeGreaterThan(0);
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));

    const file = path.join(dir, 'old.db');
    const sqlite = new Database(file);
    sqlite.pragma('foreign_keys = ON');
    const old = drizzle(sqlite, { schema }) as unknown as Db;
    migrate(old, { migrationsFolder: before });
    // The demo is seeded with today's schema (its code writes columns later migrations add), then
    // copied into the old database column by column, as far as the old tables go.
    const current = openDatabase(path.join(dir, 'current.db'));
    await seedDemo(current, demoToday);
    closeDatabase(current);
    copyIntoOlderSchema(sqlite, path.join(dir, 'current.db'));
    expect(sqlite.prepare("select count(*) from sqlite_master where name = 'time_rollup_day'").pluck().get()).toBe(0);
    // Counted directly: the oracle's reader wants columns later migrations add (initiatives).
    expect(sqlite.prepare('select count(*) from time_entries').pluck().get()).toBeGreaterThan(1000);
    sqlite.close();

    const db = openDatabase(file);
    try {
      const rollups = readRollups(db.$client);
      expect(rollups.day.length).toBeGreaterThan(100);
      expect(rollups).toEqual(recomputeRollups(allEntries(db.$client)));
    } finally {
      closeDatabase(db);
    }
  });

  it('a bulk load with the triggers lifted (the benchmark seed) leaves the rollups exact and the triggers in place', async () => {
    const db = openDatabase(path.join(dir, 'bulk.db'));
    try {
      await seedDemo(db, demoToday);
      const sqlite = db.$client;
      const triggers = () => sqlite.prepare("select name from sqlite_master where type = 'trigger' order by name").pluck().all();
      const before = triggers();
      expect(before).toEqual([
        // The similar-request search index (0006) is kept by triggers too.
        'requests_fts_delete',
        'requests_fts_insert',
        'requests_fts_update',
        'requests_rollup_update',
        'time_entries_rollup_delete',
        'time_entries_rollup_insert',
        'time_entries_rollup_update',
      ]);
      const requestIds = sqlite.prepare('select id from requests order by id').pluck().all() as number[];
      const insert = sqlite.prepare('insert into time_entries (request_id, user_id, minutes, date) values (?, 1, ?, ?)');
      sqlite.transaction(() =>
        bulkLoadTimeEntries(sqlite, () => {
          requestIds.forEach((id, i) => insert.run(id, 15 + (i % 90), `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`));
        }),
      )();
      expect(triggers()).toEqual(before);
      expect(readRollups(sqlite)).toEqual(recomputeRollups(allEntries(sqlite)));
      // The triggers work again: one more entry and a reclassification keep the rollups exact.
      insert.run(requestIds[0], 45, '2026-03-03');
      sqlite.prepare("update requests set classification = 'strategic', classification_suggested = 0 where id = ?").run(requestIds[1]);
      expect(readRollups(sqlite)).toEqual(recomputeRollups(allEntries(sqlite)));
    } finally {
      closeDatabase(db);
    }
  });

  it('report queries read the class and cycle-time indexes: the expressions in the code are the ones the indexes are built on', () => {
    const db = openDatabase(path.join(dir, 'plans.db'));
    try {
      const plan = (query: ReturnType<typeof sql>) =>
        db
          .all<{ detail: string }>(sql`explain query plan ${query}`)
          .map((r) => r.detail)
          .join('\n');
      const byClass = plan(sql`select count(*) from ${schema.requests} indexed by requests_done_class_idx
        where ${schema.requests.status} = 'done' and ${reportClass} = 'tactical' and ${schema.requests.completedAt} >= '2026-01-01' and ${schema.requests.completedAt} < '2026-02-01'`);
      expect(byClass).toContain('requests_done_class_idx (<expr>=? AND completed_at>? AND completed_at<?)');
      const walk = plan(sql`select ${cycleDays} from ${schema.requests} indexed by requests_cycle_class_idx
        where ${schema.requests.status} = 'done' and ${schema.requests.startedAt} is not null and ${reportClass} = 'tactical' order by ${cycleDays} limit 2 offset 10`);
      expect(walk).toContain('requests_cycle_class_idx (<expr>=?)');
      expect(walk).not.toContain('TEMP B-TREE');
      const down = plan(sql`select ${cycleDays} from ${schema.requests} indexed by requests_cycle_type_idx
        where ${schema.requests.status} = 'done' and ${schema.requests.startedAt} is not null and ${schema.requests.typeId} = 3 order by ${cycleDays} desc limit 2 offset 10`);
      expect(down).toContain('requests_cycle_type_idx (type_id=?)');
      expect(down).not.toContain('TEMP B-TREE');
    } finally {
      closeDatabase(db);
    }
  });
});
