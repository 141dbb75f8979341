import { dayNumber } from '@altitude/shared/calendar';
import type { Period } from './period';

/** Minutes logged in a period, by the class of the request they were logged on. */
export interface SplitMinutes {
  strategicMinutes: number;
  tacticalMinutes: number;
  unclassifiedMinutes: number;
}

export const emptySplit = (): SplitMinutes => ({ strategicMinutes: 0, tacticalMinutes: 0, unclassifiedMinutes: 0 });

/** Only the three minute counts of a row that carries more (a group's keys, its request count). */
export const splitOf = ({ strategicMinutes, tacticalMinutes, unclassifiedMinutes }: SplitMinutes): SplitMinutes => ({
  strategicMinutes,
  tacticalMinutes,
  unclassifiedMinutes,
});

export const totalOf = (s: SplitMinutes): number => s.strategicMinutes + s.tacticalMinutes + s.unclassifiedMinutes;

export function addSplits(a: SplitMinutes, b: SplitMinutes): SplitMinutes {
  return {
    strategicMinutes: a.strategicMinutes + b.strategicMinutes,
    tacticalMinutes: a.tacticalMinutes + b.tacticalMinutes,
    unclassifiedMinutes: a.unclassifiedMinutes + b.unclassifiedMinutes,
  };
}

export const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));
export const sum = (ns: number[]) => ns.reduce((s, n) => s + n, 0);

/** `part` ÷ `whole`, and 0 (not NaN) when nothing was logged, so a share is always 0..1. */
export const shareOf = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/**
 * The split with its total and strategic share. The share divides by *all* minutes,
 * unclassified included: unclassified time is never dropped to flatter the share.
 */
export function withShare<T extends SplitMinutes>(s: T): T & { totalMinutes: number; strategicShare: number } {
  const totalMinutes = totalOf(s);
  return { ...s, totalMinutes, strategicShare: shareOf(s.strategicMinutes, totalMinutes) };
}

export const roundTo = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/**
 * Where the `p` quantile (0..1) of `n` sorted values sits: between the zero-based ranks `lower`
 * and `upper`, `fraction` of the way. This is linear interpolation between closest ranks
 * (SQL's percentile_cont, spreadsheets' PERCENTILE.INC), so the SQL side only has to fetch
 * the two values at those ranks instead of every row.
 */
export function percentileRanks(n: number, p: number): { lower: number; upper: number; fraction: number } {
  const position = (n - 1) * p;
  const lower = Math.floor(position);
  return { lower, upper: Math.min(lower + 1, n - 1), fraction: position - lower };
}

/** The `p` quantile given a way to read the value at a zero-based rank; null for no values. */
export function percentileAt(n: number, p: number, valueAt: (rank: number) => number): number | null {
  if (n === 0) return null;
  const { lower, upper, fraction } = percentileRanks(n, p);
  const low = valueAt(lower);
  return low + (valueAt(upper) - low) * fraction;
}

/** The `p` quantile of values sorted ascending; null for an empty list. */
export const percentile = (sorted: readonly number[], p: number): number | null => percentileAt(sorted.length, p, (i) => sorted[i]!);

/**
 * The strategic-share target for a period. Targets are set per quarter (`periodStart` its first
 * day) and stay in effect until the next one; a period across quarters gets the day-weighted
 * average of the targets in effect on its days, and null when no day has one.
 */
export function targetForPeriod(targets: readonly { periodStart: string; strategicShare: number }[], period: Period): number | null {
  const sorted = [...targets].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  let weighted = 0;
  let days = 0;
  const [from, to] = [dayNumber(period.from), dayNumber(period.to)];
  // Day numbers, so the overlap is plain arithmetic whatever the dates are.
  sorted.forEach((t, i) => {
    const next = sorted[i + 1]?.periodStart;
    const start = Math.max(dayNumber(t.periodStart), from);
    const end = next === undefined ? to : Math.min(dayNumber(next) - 1, to);
    if (start > end) return;
    const covered = end - start + 1;
    weighted += t.strategicShare * covered;
    days += covered;
  });
  return days > 0 ? weighted / days : null;
}

/**
 * What makes a hand-back candidate: one department asked for one tactical type at least
 * `minRequests` times in the period (five, or one a fortnight on longer periods, so a year
 * needs more than a month), and each took at most `maxMinutesEach` of logged work on average.
 */
export function handBackRule(periodDays: number): { minRequests: number; maxMinutesEach: number } {
  return { minRequests: Math.max(5, Math.ceil(periodDays / 14)), maxMinutesEach: 180 };
}
