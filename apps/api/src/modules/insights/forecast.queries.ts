import { and, between, inArray, isNotNull, min, or, sql } from 'drizzle-orm';
import type { ClassMinutes, ForecastRequest } from '@altitude/shared/forecast';
import { openStatuses } from '@altitude/shared/domain';
import type { Queryable } from '../../db/client';
import { requests, requestTime, timeRollupDay } from '../../db/schema';
import { reportClass } from './report-class';

/** A run of company calendar dates, both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * Minutes logged per day by class on the days of any of `ranges` (each day once, however many
 * ranges hold it), from the daily rollup: a quarter and four weeks read about 120 days of rows.
 */
export function loggedByDay(db: Queryable, ranges: DateRange[]): (ClassMinutes & { date: string })[] {
  if (ranges.length === 0) return [];
  return db
    .select({
      date: timeRollupDay.date,
      strategicMinutes: sql<number>`sum(${timeRollupDay.strategicMinutes})`,
      tacticalMinutes: sql<number>`sum(${timeRollupDay.tacticalMinutes})`,
      unclassifiedMinutes: sql<number>`sum(${timeRollupDay.unclassifiedMinutes})`,
    })
    .from(timeRollupDay)
    .where(or(...ranges.map((r) => between(timeRollupDay.date, r.from, r.to))))
    .groupBy(timeRollupDay.date)
    .all();
}

/** The first day anything was logged, or null: the rollup's key starts with the date, so this is one index step. */
export const firstLoggedDate = (db: Queryable): string | null =>
  db
    .select({ date: min(timeRollupDay.date) })
    .from(timeRollupDay)
    .get()?.date ?? null;

/** Open requests with an estimate, with their class as reports count it and every minute logged on them. */
export function openEstimatedRequests(db: Queryable): ForecastRequest[] {
  return db
    .select({
      reportClass,
      estimateMinutes: requests.estimateMinutes,
      loggedMinutes: sql<number>`coalesce(${requestTime.minutes}, 0)`,
      plannedFor: requests.plannedFor,
      neededBy: requests.dueDate,
      expectedBy: requests.expectedBy,
    })
    .from(requests)
    .leftJoin(requestTime, sql`${requestTime.requestId} = ${requests.id}`)
    .where(and(inArray(requests.status, [...openStatuses]), isNotNull(requests.estimateMinutes)))
    .all();
}
