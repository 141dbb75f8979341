import type { SessionUser } from '@altitude/shared/auth';
import { coverageOf, workingDays, type Coverage, type HolidayInput, type HolidayList } from '@altitude/shared/working-time';
import type { Db, Queryable } from '../../db/client';
import { writeAs } from '../auth/actor';
import { companyTimeZone } from '../settings/company-clock';
import { teamAvailability, type DateRange } from './availability.queries';
import { holidaysIn, listHolidays, loggedByUser, replaceHolidays } from './working-time.queries';

export const readHolidays = (db: Queryable): HolidayList => ({ items: listHolidays(db), timezone: companyTimeZone(db) });

/** Replaces the company's holidays; reports count available time against the new list from their next call. */
export function putHolidays(db: Db, actor: SessionUser, items: HolidayInput[]): HolidayList {
  return writeAs(db, actor, 'lead', (tx) => {
    replaceHolidays(tx, items);
    return readHolidays(tx);
  });
}

/**
 * Logged against available time over a period, for the team and per person. The team is
 * `teamAvailability`'s: active marketers and leads, plus anyone who logged time in the period
 * (so every logged minute has its person's availability beside it). With `hidePeople` (the board
 * view, for everyone but leads) only the team's figures are answered.
 */
export function readCoverage(db: Queryable, range: DateRange, hidePeople: boolean): Coverage {
  const logged = loggedByUser(db, range);
  const people = teamAvailability(db, range).map((p) => {
    const loggedMinutes = logged.get(p.userId) ?? 0;
    return { ...p, loggedMinutes, coverage: coverageOf(loggedMinutes, p.availableMinutes) };
  });
  const loggedMinutes = people.reduce((sum, p) => sum + p.loggedMinutes, 0);
  const availableMinutes = people.reduce((sum, p) => sum + p.availableMinutes, 0);
  const holidays = holidaysIn(db, range);
  return {
    from: range.from,
    to: range.to,
    loggedMinutes,
    availableMinutes,
    coverage: coverageOf(loggedMinutes, availableMinutes),
    workingDays: workingDays(
      range.from,
      range.to,
      holidays.map((h) => h.date),
    ),
    holidays,
    people: hidePeople ? [] : people,
  };
}
