import type { Change } from '@altitude/shared/insights';

/**
 * How every change on the Insights page is told (headline cards, the time split's `previous`, the
 * insight sentences): one rule, so no card says "+332 %" while another says "no earlier data".
 */

/** Under these earlier figures a percentage exaggerates: 2 → 8 hours is "+6 h", not "+300 %". */
export const smallBase = { minutes: 600, requests: 5 } as const;

/**
 * A count (minutes or requests) against the earlier period's. `covered` is false when the earlier
 * period has no data to speak of (it starts before the first data): then there is no earlier figure.
 */
export function compareCount(unit: 'minutes' | 'requests', value: number, previous: number, covered: boolean): Change {
  if (!covered) return { unit, basis: 'no_earlier_data', value, previous: null, difference: null, relative: null };
  const difference = value - previous;
  if (previous < smallBase[unit]) return { unit, basis: 'absolute', value, previous, difference, relative: null };
  return { unit, basis: 'relative', value, previous, difference, relative: difference / previous };
}

/** A 0..1 share against the earlier period's: a difference in points, or no earlier data. */
export function compareShare(value: number, previous: number, covered: boolean): Change {
  if (!covered) return { unit: 'share', basis: 'no_earlier_data', value, previous: null, difference: null, relative: null };
  return { unit: 'share', basis: 'points', value, previous, difference: value - previous, relative: null };
}
