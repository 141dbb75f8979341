import { addDays, dayNumber, daysBetween, quarterStartOf } from '@altitude/shared/calendar';
import { maxPeriodDays } from '@altitude/shared/insights';

/** A reporting period: calendar dates in the company's time zone, both ends included. */
export interface Period {
  from: string;
  to: string;
}

/** Without `from` and `to`, reports cover the last four weeks ending today. */
export const defaultPeriodDays = 28;
/** Shared with the period picker, which checks it before asking. */
export { maxPeriodDays };

export type PeriodResult = { ok: true; period: Period } | { ok: false; path: 'from' | 'to'; message: string };

/**
 * Fills in what the caller left out (`to` defaults to today, `from` to four weeks before `to`)
 * and checks the order. The error names `from`, the end a reader adjusts.
 */
export function resolvePeriod(query: { from?: string; to?: string }, today: string): PeriodResult {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(defaultPeriodDays - 1));
  // Day numbers, not strings: the order holds whatever the dates are.
  if (dayNumber(from) > dayNumber(to)) return { ok: false, path: 'from', message: `must be on or before to (${to})` };
  if (periodDays({ from, to }) > maxPeriodDays)
    return { ok: false, path: 'from', message: `the period must be at most ${maxPeriodDays} days` };
  return { ok: true, period: { from, to } };
}

/** Days in a period, both ends included. */
export const periodDays = (p: Period): number => daysBetween(p.from, p.to) + 1;

/** The period of the same length that ends the day before `p` begins. */
export function previousPeriod(p: Period): Period {
  const to = addDays(p.from, -1);
  return { from: addDays(to, -(periodDays(p) - 1)), to };
}

/** The first day of the month `months` after (or before, when negative) the month holding `date`. */
export function monthStartAfter(date: string, months: number): string {
  dayNumber(date); // a RangeError for anything but a calendar date
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const start = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  dayNumber(start); // before year 0000 is a RangeError, not an expanded-year string
  return start;
}

/** Whether `p` is exactly one calendar month, first day to last. */
export const isCalendarMonth = (p: Period): boolean =>
  p.from === monthStartAfter(p.from, 0) && p.to === addDays(monthStartAfter(p.from, 1), -1);

/** Whether `p` is exactly one calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec), first day to last. */
export const isCalendarQuarter = (p: Period): boolean =>
  p.from === quarterStartOf(p.from) && p.to === addDays(monthStartAfter(p.from, 3), -1);

/**
 * The one comparison rule: what every "change" on the Insights page compares `p` with. A period
 * that is exactly a calendar quarter compares with the previous quarter, exactly a calendar month
 * with the previous month (so March's 31 days meet February's 28 or 29, and Q1 meets Q4 of the year
 * before), and anything else with the same number of days just before. A quarter or month to date
 * (1 October to today) is "anything else": it meets the same number of days just before, a
 * stretch of equal length that is already over, never a whole quarter or month it cannot match yet.
 */
export function comparisonPeriod(p: Period): Period {
  if (isCalendarQuarter(p)) return { from: monthStartAfter(p.from, -3), to: addDays(p.from, -1) };
  if (isCalendarMonth(p)) return { from: monthStartAfter(p.from, -1), to: addDays(p.from, -1) };
  return previousPeriod(p);
}
