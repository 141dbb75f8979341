import { and, asc, between, eq } from 'drizzle-orm';
import type { Holiday } from '@altitude/shared/working-time';
import type { Queryable } from '../../db/client';
import { holidays, requests, timeEntries, users } from '../../db/schema';
import type { DateRange } from '../working-time/availability.queries';

/** The person whose week is read, with their contracted time; undefined when there is no such user. */
export const findPerson = (db: Queryable, id: number) =>
  db.select({ id: users.id, weeklyMinutes: users.weeklyMinutes }).from(users).where(eq(users.id, id)).get();

/** Company holidays in a period, with their names (the grid labels the day). */
export const holidaysIn = (db: Queryable, range: DateRange): Holiday[] =>
  db
    .select({ date: holidays.date, name: holidays.name })
    .from(holidays)
    .where(between(holidays.date, range.from, range.to))
    .orderBy(asc(holidays.date))
    .all();

/**
 * One person's time entries in a period with what the grid shows of their request: a range of
 * `time_entries_user_idx` (user, date), so a week costs a handful of rows whatever the history.
 */
export const entriesOf = (db: Queryable, userId: number, range: DateRange) =>
  db
    .select({
      id: timeEntries.id,
      requestId: timeEntries.requestId,
      userId: timeEntries.userId,
      minutes: timeEntries.minutes,
      date: timeEntries.date,
      note: timeEntries.note,
      version: timeEntries.version,
      createdAt: timeEntries.createdAt,
      requestTitle: requests.title,
      classification: requests.classification,
      classificationSuggested: requests.classificationSuggested,
    })
    .from(timeEntries)
    .innerJoin(requests, eq(requests.id, timeEntries.requestId))
    .where(and(eq(timeEntries.userId, userId), between(timeEntries.date, range.from, range.to)))
    .orderBy(asc(timeEntries.date), asc(timeEntries.requestId), asc(timeEntries.id))
    .all();
