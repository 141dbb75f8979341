import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { classifications, reportClassOf, reportClassSql } from '@altitude/shared/domain';
import { rollupBackfillSql } from './rollups';

/**
 * drizzle/0004 is applied history and never edited; the code that repeats its SQL (the rollup
 * backfill, the report-class rule) must stay equal to it.
 */
const migration = fs.readFileSync(path.resolve(import.meta.dirname, '../../../drizzle/0004_report_rollup_triggers.sql'), 'utf8');
const statements = migration.split('--> statement-breakpoint').map((s) => s.replace(/^\s*--.*$/gm, '').trim());

describe('the SQL the rollups share with their migration', () => {
  it('the backfill run after a bulk load is the migration backfill, statement for statement', () => {
    const backfill = statements.filter((s) => /^INSERT INTO/i.test(s));
    expect(backfill).toHaveLength(5);
    expect(rollupBackfillSql).toEqual(backfill);
  });

  it('every report-class expression in the migration is the shared rule, over its row', () => {
    const written = [...migration.matchAll(/\(case when [^()]*classification_suggested[^()]*end\)/g)].map((m) => m[0]);
    // The view once, and the class-change trigger's old and new rows, once per rollup each.
    expect(written).toHaveLength(13);
    for (const text of written) expect([reportClassSql(), reportClassSql('old.'), reportClassSql('new.')]).toContain(text);
    expect(statements.find((s) => s.startsWith('CREATE VIEW `report_request_class`'))).toContain(`${reportClassSql()} AS class`);
  });

  it("the migration's view classes sample rows as reportClassOf does", () => {
    const sqlite = new Database(':memory:');
    sqlite.exec(
      'create table requests (id integer primary key, department_id integer, type_id integer, classification text, classification_suggested integer not null)',
    );
    sqlite.exec(statements.find((s) => s.startsWith('CREATE VIEW `report_request_class`'))!);
    const rows = [...classifications, null].flatMap((classification) =>
      [true, false].map((classificationSuggested) => ({ classification, classificationSuggested })),
    );
    const insert = sqlite.prepare(
      'insert into requests (id, department_id, type_id, classification, classification_suggested) values (?, 1, 1, ?, ?)',
    );
    rows.forEach((r, i) => insert.run(i + 1, r.classification, r.classificationSuggested ? 1 : 0));
    const viewed = sqlite.prepare('select class from report_request_class order by id').pluck().all();
    expect(viewed).toEqual(['unclassified', 'strategic', 'unclassified', 'tactical', 'unclassified', 'unclassified']);
    expect(viewed).toEqual(rows.map(reportClassOf));
    sqlite.close();
  });
});
