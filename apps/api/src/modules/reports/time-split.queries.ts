import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Period } from '@altitude/shared/report-period';
import type { GroupBy } from '@altitude/shared/reports';
import { emptySplit, addSplits, reportClassOf, type SplitMinutes } from '@altitude/shared/report-maths';
import type { Queryable } from '../../db/client';
import { departments, requests, requestTypes, timeEntries, users } from '../../db/schema';

/** The Monday on or before a time entry's date: six days back, then forward to a Monday. */
const weekOfEntry = sql<string>`date(${timeEntries.date}, '-6 days', 'weekday 1')`;

/** What each grouping groups by. `assignee` is who logged the time, which is whose time it was. */
const keyOf: Record<GroupBy, SQL> = {
  week: weekOfEntry,
  department: sql`${requests.departmentId}`,
  type: sql`${requests.typeId}`,
  assignee: sql`${timeEntries.userId}`,
};

export interface SplitRow extends SplitMinutes {
  /** One key per grouping asked for, as strings, in the same order. */
  keys: string[];
  /** Distinct requests worked on in the group; 0 unless asked for. */
  requestCount: number;
}

/**
 * Minutes logged between `from` and `to` (entry dates, both included) by the class of their
 * request, grouped in SQL by `dims` (none: one row for the whole period). Every entry falls in
 * exactly one group, so the groups always add up to the period's total.
 *
 * SQLite groups by the raw classification columns and the few groups it returns are folded
 * into classes here: cheaper than a CASE on every entry. A request has one classification, so
 * its entries land in one sub-group and distinct request counts add up across sub-groups.
 */
export function splitRows(db: Queryable, period: Period, dims: readonly GroupBy[], opts: { requestCount?: boolean } = {}): SplitRow[] {
  const keyFields = Object.fromEntries(dims.map((d, i) => [`k${i}`, sql<string>`${keyOf[d]}`.mapWith(String)]));
  const rows = db
    .select({
      ...keyFields,
      classification: requests.classification,
      suggested: requests.classificationSuggested,
      minutes: sql<number>`sum(${timeEntries.minutes})`.mapWith(Number),
      requests: (opts.requestCount ? sql<number>`count(distinct ${timeEntries.requestId})` : sql<number>`0`).mapWith(Number),
    })
    .from(timeEntries)
    .innerJoin(requests, eq(requests.id, timeEntries.requestId))
    .where(and(gte(timeEntries.date, period.from), lte(timeEntries.date, period.to)))
    .groupBy(...dims.map((d) => keyOf[d]), requests.classification, requests.classificationSuggested)
    .all() as (Record<string, unknown> & { classification: string | null; suggested: boolean; minutes: number; requests: number })[];
  const byKey = new Map<string, SplitRow>();
  for (const r of rows) {
    const keys = dims.map((_, i) => String(r[`k${i}`]));
    const id = keys.join('\u0000');
    const row = byKey.get(id) ?? { keys, ...emptySplit(), requestCount: 0 };
    row[`${reportClassOf(r.classification, r.suggested)}Minutes`] += r.minutes;
    row.requestCount += r.requests;
    byKey.set(id, row);
  }
  return [...byKey.values()];
}

/** The period's minutes by class. */
export function splitTotal(db: Queryable, period: Period): SplitMinutes {
  const [row] = splitRows(db, period, []);
  return row ? { strategicMinutes: row.strategicMinutes, tacticalMinutes: row.tacticalMinutes, unclassifiedMinutes: row.unclassifiedMinutes } : emptySplit();
}

export const sumSplits = (rows: readonly SplitMinutes[]): SplitMinutes => rows.reduce<SplitMinutes>((s, r) => addSplits(s, r), emptySplit());

/** Display names of the ids a grouping produced; weeks are labelled from their key instead. */
export function labelsOf(db: Queryable, groupBy: Exclude<GroupBy, 'week'>, ids: number[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const table = { department: departments, type: requestTypes, assignee: users }[groupBy];
  const rows = db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids)).all();
  return new Map(rows.map((r) => [String(r.id), r.name]));
}
