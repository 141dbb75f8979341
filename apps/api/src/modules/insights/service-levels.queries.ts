import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Status } from '@altitude/shared/domain';
import type { ServiceLevelsQuery } from '@altitude/shared/service-levels';
import type { Queryable } from '../../db/client';
import { activity, departments, requests, requestTypes, users } from '../../db/schema';

/*
 * The service-levels report reads two ranges of requests: those delivered in the period (a range
 * of `requests_closed_idx`, status then completion time) and those filed in it (a range of
 * `requests_created_idx`). Only the clock columns come back, one small row per request: the SLA
 * judgement and the business minutes need the company calendar, which lives in TypeScript
 * (shared/business-time.ts), so they are computed there rather than approximated in SQL.
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

export interface FiledRow {
  key: number | null;
  createdAt: string;
  firstResponseAt: string | null;
  pausedMinutes: number;
  pausedSince: string | null;
  completedAt: string | null;
  status: Status;
  needsInfoRounds: number;
  rush: boolean;
}

export interface Bounds {
  startAt: string;
  endAt: string;
}

/** Requests delivered (done) in [startAt, endAt), optionally of one department, with their group key. */
export function deliveredIn(db: Queryable, period: Bounds, groupBy: Grouping, departmentId?: number): DeliveredRow[] {
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
    .where(
      and(
        eq(requests.status, 'done'),
        gte(requests.completedAt, period.startAt),
        lt(requests.completedAt, period.endAt),
        departmentId === undefined ? undefined : eq(requests.departmentId, departmentId),
      ),
    )
    .all();
}

/** Requests filed in [startAt, endAt), optionally of one department, with their group key. */
export function filedIn(db: Queryable, period: Bounds, groupBy: Grouping, departmentId?: number): FiledRow[] {
  return db
    .select({
      key: groupColumn[groupBy],
      createdAt: requests.createdAt,
      firstResponseAt: requests.firstResponseAt,
      pausedMinutes: requests.pausedMinutes,
      pausedSince: requests.pausedSince,
      completedAt: requests.completedAt,
      status: requests.status,
      needsInfoRounds: requests.needsInfoRounds,
      rush: requests.rush,
    })
    .from(requests)
    .where(
      and(
        gte(requests.createdAt, period.startAt),
        lt(requests.createdAt, period.endAt),
        departmentId === undefined ? undefined : eq(requests.departmentId, departmentId),
      ),
    )
    .all();
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
