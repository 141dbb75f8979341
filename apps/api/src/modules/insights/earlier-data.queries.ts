import { between, min, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { requests, timeEntries } from '../../db/schema';
import type { ReportPeriod } from './report-period';

/** Whether an earlier period has data to compare with, for time and for requests. */
export interface EarlierData {
  /** It starts on or after the first day time was logged, and time was logged in it. */
  time: boolean;
  /** It starts at or after the first request was filed (received and delivered both count from there). */
  requests: boolean;
}

/**
 * A comparison period that starts before the data does is not a quiet period but a missing one:
 * "33 to 176 delivered" is the company's first weeks in Altitude, not a fivefold rise. Both minima
 * are one step down an index (`time_entries_date_idx`, `requests_created_idx`).
 */
export function earlierData(db: Queryable, before: ReportPeriod): EarlierData {
  const firstEntry =
    db
      .select({ date: min(timeEntries.date) })
      .from(timeEntries)
      .get()?.date ?? null;
  const firstRequest =
    db
      .select({ at: min(requests.createdAt) })
      .from(requests)
      .get()?.at ?? null;
  const logged =
    firstEntry !== null &&
    before.from >= firstEntry &&
    db
      .select({ one: sql`1` })
      .from(timeEntries)
      .where(between(timeEntries.date, before.from, before.to))
      .limit(1)
      .get() !== undefined;
  return { time: logged, requests: firstRequest !== null && before.startAt >= firstRequest };
}
