import { and, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Status } from '@altitude/shared/domain';
import type { ServiceLevelsQuery } from '@altitude/shared/service-levels';
import type { Queryable } from '../../db/client';
import { activity, departments, requests, requestTypes, users } from '../../db/schema';
import type { SurelyLate } from './rules/service-level-maths';

/*
 * The service-levels report reads two ranges of requests: those delivered in the period (a range
 * of `requests_closed_idx`, status then completion time) and those filed in it (a range of
 * `requests_created_idx`). Everything that is a plain count or sum is grouped in SQL; only the rows
 * whose figure needs the company calendar (TypeScript, shared/business-time.ts) come back, with
 * just their clock columns: deliveries that may have been late, first responses and running pauses.
 */

type Grouping = ServiceLevelsQuery['groupBy'];

const groupColumn = { type: requests.typeId, department: requests.departmentId, assignee: requests.assigneeId } as const;

export interface DeliveredRow {
  key: number | null;
  createdAt: string;
  expectedBy: string | null;
  pausedMinutes: number;
  pausedSince: string | null;
  status: Status;
  completedAt: string | null;
}

export interface Bounds {
  startAt: string;
  endAt: string;
}

const deliveredWhere = (period: Bounds, departmentId?: number) =>
  and(
    eq(requests.status, 'done'),
    gte(requests.completedAt, period.startAt),
    lt(requests.completedAt, period.endAt),
    departmentId === undefined ? undefined : eq(requests.departmentId, departmentId),
  );

/*
 * Surely on time: delivered before 03:00 UTC of its expected-by date. 17:00 on that date is no
 * earlier than that instant in any zone (offsets reach UTC+14), and a delivery by 17:00 of its
 * expected-by date is `met` whatever its pauses (they only take time off); timestamps are stored as
 * ISO strings in UTC, so this is a string comparison SQLite makes without the calendar.
 */
const surelyOnTime = sql`(${requests.expectedBy} is not null and ${requests.createdAt} <= ${requests.completedAt}
  and ${requests.completedAt} < ${requests.expectedBy} || 'T03:00:00.000Z')`;

export interface DeliveredCount {
  key: number | null;
  delivered: number;
  surelyOnTime: number;
}

/** Requests delivered (done) in [startAt, endAt) per group, and how many of them were surely on time. */
export const deliveredCounts = (db: Queryable, period: Bounds, groupBy: Grouping, departmentId?: number): DeliveredCount[] =>
  deliveredCountsQuery(db, period, groupBy, departmentId).all();

/** The query of `deliveredCounts` (its plan is tested). */
export function deliveredCountsQuery(db: Queryable, period: Bounds, groupBy: Grouping, departmentId?: number) {
  return db
    .select({
      key: groupColumn[groupBy],
      delivered: sql<number>`count(*)`.mapWith(Number),
      surelyOnTime: sql<number>`sum(${surelyOnTime})`.mapWith(Number),
    })
    .from(requests)
    .where(deliveredWhere(period, departmentId))
    .groupBy(groupColumn[groupBy]);
}

/**
 * A delivery surely late (`surelyLateAfter`: filed before its expected-by date's 03:00 UTC, never
 * paused, delivered `days` or more after it), for expected-by dates in the window it covers.
 */
const surelyLate = (late: SurelyLate) => sql`(${requests.pausedMinutes} = 0 and ${requests.pausedSince} is null
  and ${requests.expectedBy} between ${late.from} and ${late.to} and ${requests.createdAt} < ${requests.expectedBy} || 'T03:00:00.000Z'
  and ${requests.completedAt} >= date(${requests.expectedBy}, ${`+${late.days} days`}))`;

/**
 * The delivered requests neither surely on time nor (with `late`) surely late, with their clock
 * columns, for the calendar to judge: in a year of deliveries most late ones are settled by SQL.
 */
export const deliveredToJudge = (
  db: Queryable,
  period: Bounds,
  groupBy: Grouping,
  departmentId?: number,
  late?: SurelyLate,
): DeliveredRow[] =>
  // Thousands of rows in a year: read as arrays and built here, at half the cost of Drizzle's row mapping.
  (deliveredToJudgeQuery(db, period, groupBy, departmentId, late).values() as DeliveredValues[]).map(
    ([key, createdAt, expectedBy, pausedMinutes, pausedSince, status, completedAt]) => ({
      key,
      createdAt,
      expectedBy,
      pausedMinutes,
      pausedSince,
      status,
      completedAt,
    }),
  );

/** A `deliveredToJudgeQuery` row as SQLite returns it: the selected columns in order (none needs decoding). */
type DeliveredValues = [number | null, string, string | null, number, string | null, Status, string | null];

/** The query of `deliveredToJudge` (its plan is tested). */
export function deliveredToJudgeQuery(db: Queryable, period: Bounds, groupBy: Grouping, departmentId?: number, late?: SurelyLate) {
  return db
    .select({
      key: groupColumn[groupBy],
      createdAt: requests.createdAt,
      expectedBy: requests.expectedBy,
      pausedMinutes: requests.pausedMinutes,
      pausedSince: requests.pausedSince,
      status: requests.status,
      completedAt: requests.completedAt,
    })
    .from(requests)
    .where(and(deliveredWhere(period, departmentId), sql`not ${surelyOnTime}`, late ? sql`not ${surelyLate(late)}` : undefined));
}

const filedWhere = (period: Bounds, departmentId?: number) =>
  and(
    gte(requests.createdAt, period.startAt),
    lt(requests.createdAt, period.endAt),
    departmentId === undefined ? undefined : eq(requests.departmentId, departmentId),
  );

export interface FiledCount {
  key: number | null;
  filed: number;
  rounds: number;
  rushes: number;
  /** Business minutes of finished pauses. */
  pausedMinutes: number;
}

/** Requests filed in [startAt, endAt) per group: count, needs-info rounds, rushes, finished pauses. */
export const filedCounts = (db: Queryable, period: Bounds, groupBy: Grouping, departmentId?: number): FiledCount[] =>
  filedCountsQuery(db, period, groupBy, departmentId).all();

/** The query of `filedCounts` (its plan is tested). */
export function filedCountsQuery(db: Queryable, period: Bounds, groupBy: Grouping, departmentId?: number) {
  return db
    .select({
      key: groupColumn[groupBy],
      filed: sql<number>`count(*)`.mapWith(Number),
      rounds: sql<number>`total(${requests.needsInfoRounds})`.mapWith(Number),
      rushes: sql<number>`total(${requests.rush})`.mapWith(Number),
      pausedMinutes: sql<number>`total(${requests.pausedMinutes})`.mapWith(Number),
    })
    .from(requests)
    .where(filedWhere(period, departmentId))
    .groupBy(groupColumn[groupBy]);
}

/**
 * Rushes and needs-info rounds of the requests filed in [startAt, endAt), per requesting
 * department, for the insights (their filed counts are `receivedByDepartment`'s, read in index
 * order). Only requests with either are grouped: SQLite sorts rows to group them, and at a year's
 * filings that sort was most of `filedCounts`' time.
 */
export function rushesAndRounds(db: Queryable, period: Bounds): Map<number, { rushes: number; rounds: number }> {
  const rows = db
    .select({
      key: requests.departmentId,
      rounds: sql<number>`total(${requests.needsInfoRounds})`.mapWith(Number),
      rushes: sql<number>`total(${requests.rush})`.mapWith(Number),
    })
    .from(requests)
    .where(and(filedWhere(period), sql`(${requests.rush} <> 0 or ${requests.needsInfoRounds} <> 0)`))
    .groupBy(requests.departmentId)
    .all();
  return new Map(rows.map((r) => [r.key, { rushes: r.rushes, rounds: r.rounds }]));
}

export interface FiledClockRow {
  key: number | null;
  createdAt: string;
  firstResponseAt: string | null;
  pausedSince: string | null;
  completedAt: string | null;
  status: Status;
}

/** The requests filed in the period with a first response or a running pause: the figures that need the calendar. */
export const filedClocks = (db: Queryable, period: Bounds, groupBy: Grouping, departmentId?: number): FiledClockRow[] =>
  filedClocksQuery(db, period, groupBy, departmentId).all();

/** The query of `filedClocks` (its plan is tested). */
export function filedClocksQuery(db: Queryable, period: Bounds, groupBy: Grouping, departmentId?: number) {
  return db
    .select({
      key: groupColumn[groupBy],
      createdAt: requests.createdAt,
      firstResponseAt: requests.firstResponseAt,
      pausedSince: requests.pausedSince,
      completedAt: requests.completedAt,
      status: requests.status,
    })
    .from(requests)
    .where(and(filedWhere(period, departmentId), or(isNotNull(requests.firstResponseAt), isNotNull(requests.pausedSince))));
}

/**
 * Duplicates avoided in the period: a requester followed an existing request from the new-request
 * form instead of filing (the followers feature records it as activity `followed` with `to_value`
 * 'intake'), counted as a range of `activity_kind_idx`.
 */
export function duplicatesAvoided(db: Queryable, period: Bounds): number {
  return db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(activity)
    .where(
      and(
        eq(activity.kind, 'followed'),
        eq(activity.toValue, 'intake'),
        gte(activity.createdAt, period.startAt),
        lt(activity.createdAt, period.endAt),
      ),
    )
    .get()!.n;
}

/** Display names of the ids a grouping produced. */
export function groupLabels(db: Queryable, groupBy: Grouping, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const table = { department: departments, type: requestTypes, assignee: users }[groupBy];
  const rows = db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids)).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const departmentName = (db: Queryable, id: number): string =>
  db.select({ name: departments.name }).from(departments).where(eq(departments.id, id)).get()?.name ?? `#${id}`;
