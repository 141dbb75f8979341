import { and, between, eq, inArray, or, sql } from 'drizzle-orm';
import { availableMinutes } from '@altitude/shared/working-time';
import type { Queryable } from '../../db/client';
import { holidays, timeRollupUserDay, users } from '../../db/schema';

/** A period of company calendar dates, both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

export interface PersonAvailability {
  userId: number;
  name: string;
  weeklyMinutes: number;
  availableMinutes: number;
}

/** The company holidays inside a period. */
export function holidayDates(db: Queryable, range: DateRange): string[] {
  return db
    .select({ date: holidays.date })
    .from(holidays)
    .where(between(holidays.date, range.from, range.to))
    .all()
    .map((h) => h.date);
}

/**
 * Who the team's available time counts, and how much each had: every active marketer and lead,
 * and anyone else who logged time in the period (a colleague who left since still had the hours
 * they logged), each at their weekly minutes over the period's working days. Ordered by name.
 */
export function teamAvailability(db: Queryable, range: DateRange): PersonAvailability[] {
  const loggedIn = db
    .selectDistinct({ userId: timeRollupUserDay.userId })
    .from(timeRollupUserDay)
    .where(between(timeRollupUserDay.date, range.from, range.to));
  const people = db
    .select({ userId: users.id, name: users.name, weeklyMinutes: users.weeklyMinutes })
    .from(users)
    .where(or(and(eq(users.active, true), inArray(users.role, ['marketer', 'lead'])), inArray(users.id, loggedIn)))
    .orderBy(sql`${users.name} collate nocase`, users.id)
    .all();
  const days = holidayDates(db, range);
  return people.map((p) => ({ ...p, availableMinutes: availableMinutes(p.weeklyMinutes, range.from, range.to, days) }));
}

/** The team's available minutes over a period (the denominator of coverage). */
export const teamAvailableMinutes = (db: Queryable, range: DateRange): number =>
  teamAvailability(db, range).reduce((sum, p) => sum + p.availableMinutes, 0);
