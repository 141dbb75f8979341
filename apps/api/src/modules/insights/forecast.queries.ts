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

/**
 * What the forecast rule commits from open requests with an estimate, summed per class in SQL:
 * each request's remaining estimate, max(0, estimate − every minute logged on it), when its
 * planned-for ?? needed-by ?? expected-by date is on or before `lastDay` or it has none (dates are
 * YYYY-MM-DD, so text order is date order). One `ForecastRequest` per class carries the sum as its
 * estimate, with nothing logged and no date: `forecastToTarget` adds those up to the same
 * committed minutes as over each request (whole minutes, each remaining one at least 0), without
 * thousands of rows coming back to be mapped and summed one by one.
 */
export function committedByClass(db: Queryable, lastDay: string): ForecastRequest[] {
  const date = sql`coalesce(${requests.plannedFor}, ${requests.dueDate}, ${requests.expectedBy})`;
  return db
    .select({
      reportClass,
      estimateMinutes: sql<number>`sum(max(0, ${requests.estimateMinutes} - coalesce(${requestTime.minutes}, 0)))`,
      loggedMinutes: sql<number>`0`,
      plannedFor: sql<null>`null`,
      neededBy: sql<null>`null`,
      expectedBy: sql<null>`null`,
    })
    .from(requests)
    .leftJoin(requestTime, sql`${requestTime.requestId} = ${requests.id}`)
    .where(
      and(
        inArray(requests.status, [...openStatuses]),
        isNotNull(requests.estimateMinutes),
        sql`(${date} is null or ${date} <= ${lastDay})`,
      ),
    )
    .groupBy(reportClass)
    .all();
}
