import { asc, between, sql } from 'drizzle-orm';
import type { Holiday, HolidayInput } from '@altitude/shared/working-time';
import type { Queryable, Tx } from '../../db/client';
import { holidays, timeRollupUserDay } from '../../db/schema';
import { forgetBusinessCalendar } from '../service-levels/business-calendar';
import type { DateRange } from './availability.queries';

/** Every company holiday, earliest first. */
export const listHolidays = (db: Queryable): Holiday[] =>
  db.select({ date: holidays.date, name: holidays.name }).from(holidays).orderBy(asc(holidays.date)).all();

/** The company holidays inside a period, earliest first, with their names. */
export const holidaysIn = (db: Queryable, range: DateRange): Holiday[] =>
  db
    .select({ date: holidays.date, name: holidays.name })
    .from(holidays)
    .where(between(holidays.date, range.from, range.to))
    .orderBy(asc(holidays.date))
    .all();

/** Replaces the whole list inside the caller's transaction: a holiday left out of `items` is removed. */
export function replaceHolidays(tx: Tx, items: HolidayInput[]): void {
  tx.delete(holidays).run();
  if (items.length > 0) tx.insert(holidays).values(items).run();
  forgetBusinessCalendar(tx);
}

/**
 * Minutes each person logged in a period, from the per-user daily rollup the triggers keep (one
 * row per person and day, whatever the number of entries). Only people who logged appear.
 */
export function loggedByUser(db: Queryable, range: DateRange): Map<number, number> {
  const rows = db
    .select({
      userId: timeRollupUserDay.userId,
      minutes: sql<number>`sum(${timeRollupUserDay.strategicMinutes} + ${timeRollupUserDay.tacticalMinutes} + ${timeRollupUserDay.unclassifiedMinutes})`,
    })
    .from(timeRollupUserDay)
    .where(between(timeRollupUserDay.date, range.from, range.to))
    .groupBy(timeRollupUserDay.userId)
    .all();
  return new Map(rows.map((r) => [r.userId, Number(r.minutes)]));
}
