import { and, gte, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { requests } from '../../db/schema';
import type { ReportPeriod } from './report-period';

/** Requests filed in the period, per requesting department. */
export function receivedByDepartment(db: Queryable, period: ReportPeriod): Map<number, number> {
  const rows = db
    .select({ departmentId: requests.departmentId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(requests)
    .where(and(gte(requests.createdAt, period.startAt), lt(requests.createdAt, period.endAt)))
    .groupBy(requests.departmentId)
    .all();
  return new Map(rows.map((r) => [r.departmentId, r.n]));
}

export const receivedCount = (db: Queryable, period: ReportPeriod): number => [...receivedByDepartment(db, period).values()].reduce((s, n) => s + n, 0);
