import { quarterOf } from '@altitude/shared/quarter';
import { today } from '../../../lib/today';

/** The quarter `n` quarters after `quarter` (before, for a negative `n`). */
export function shiftQuarter(quarter: string, n: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** "Q4 2026" for `2026-Q4`. */
export const quarterLabel = (quarter: string) => `${quarter.slice(5)} ${quarter.slice(0, 4)}`;

export const currentQuarter = () => quarterOf(today());

/** Quarters a lead plans in: last quarter to a year ahead, plus `keep` (an older one being edited). */
export function quarterChoices(keep?: string): { value: string; label: string }[] {
  const now = currentQuarter();
  const quarters = [-1, 0, 1, 2, 3, 4].map((n) => shiftQuarter(now, n));
  if (keep && !quarters.includes(keep)) quarters.unshift(keep);
  return quarters.sort().map((q) => ({ value: q, label: quarterLabel(q) }));
}
