import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../src/db/client';
import {
  deliveredCountsQuery,
  deliveredToJudgeQuery,
  filedClocksQuery,
  filedCountsQuery,
} from '../src/modules/insights/service-levels.queries';

/**
 * The service-levels report reads no table row: each of its queries is a range of one of
 * migration 0007's covering indexes, whatever the grouping (at 25,000 requests the row lookups were
 * most of its time).
 */
describe('service-levels report queries', () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-sl-plans-'));
    db = openDatabase(path.join(dir, 'plans.db'));
  });
  afterAll(() => {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const plan = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql, params } = query.toSQL();
    return (db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
  };
  const period = { startAt: '2026-01-01T05:00:00.000Z', endAt: '2027-01-01T05:00:00.000Z' };

  it.each(['type', 'department', 'assignee'] as const)('grouped by %s, they walk the covering indexes', (groupBy) => {
    expect(plan(deliveredCountsQuery(db, period, groupBy))).toContain(
      'COVERING INDEX requests_sl_delivered_idx (status=? AND completed_at>? AND completed_at<?)',
    );
    expect(plan(deliveredToJudgeQuery(db, period, groupBy))).toContain(
      'COVERING INDEX requests_sl_delivered_idx (status=? AND completed_at>? AND completed_at<?)',
    );
    expect(plan(filedCountsQuery(db, period, groupBy))).toContain('COVERING INDEX requests_sl_filed_idx (created_at>? AND created_at<?)');
    expect(plan(filedClocksQuery(db, period, groupBy))).toContain('COVERING INDEX requests_sl_filed_idx (created_at>? AND created_at<?)');
  });
});
