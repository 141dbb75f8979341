import { addDays, dayNumber, daysBetween } from '@altitude/shared/calendar';
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

/** The period of the same length that ends the day before `p` begins: what "change" compares with. */
export function previousPeriod(p: Period): Period {
  const to = addDays(p.from, -1);
  return { from: addDays(to, -(periodDays(p) - 1)), to };
}
