import { z } from 'zod';
import { dayNumber } from './calendar';
import { IsoDate } from './domain';

/**
 * Working time: what "available" means when coverage divides logged time by it. A person works
 * Monday to Friday, `weeklyMinutes` spread evenly over the five days (2400 = 40 h, so 480 a
 * day); company holidays are nobody's working day. One owner for the rule, used by the API's
 * coverage and timesheet and by the web's previews.
 */

export const defaultWeeklyMinutes = 2400;
export const workingDaysPerWeek = 5;

/** A company holiday as the API answers it. */
export const Holiday = z.object({ date: IsoDate, name: z.string() });
export type Holiday = z.infer<typeof Holiday>;
export const HolidayList = z.object({ items: z.array(Holiday) });
export type HolidayList = z.infer<typeof HolidayList>;

/** Monday..Friday: day numbers count from a Thursday (1970-01-01). */
const isWeekday = (n: number): boolean => {
  const sinceMonday = (((n + 3) % 7) + 7) % 7;
  return sinceMonday < workingDaysPerWeek;
};

/**
 * Monday-to-Friday days in `from`..`to` (both included) that are not holidays; 0 when `to` is
 * before `from`. Counted by arithmetic over whole weeks, so a long period costs no loop.
 */
export function workingDays(from: string, to: string, holidays: Iterable<string> = []): number {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last < first) return 0;
  const days = last - first + 1;
  const whole = Math.floor(days / 7);
  let count = whole * workingDaysPerWeek;
  for (let n = first + whole * 7; n <= last; n++) if (isWeekday(n)) count++;
  const seen = new Set<number>();
  for (const date of holidays) {
    const n = dayNumber(date);
    if (n >= first && n <= last && isWeekday(n) && !seen.has(n)) {
      seen.add(n);
      count--;
    }
  }
  return count;
}

/** A person's available minutes over a period: their daily share of `weeklyMinutes` on each working day. */
export const availableMinutes = (weeklyMinutes: number, from: string, to: string, holidays: Iterable<string> = []): number =>
  Math.round((weeklyMinutes / workingDaysPerWeek) * workingDays(from, to, holidays));

/** Logged ÷ available, 0..∞ (overtime can pass 1); null when nobody was available. */
export const coverageOf = (loggedMinutes: number, available: number): number | null => (available > 0 ? loggedMinutes / available : null);
