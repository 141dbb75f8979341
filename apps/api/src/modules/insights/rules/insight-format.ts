import type { Change } from '@altitude/shared/insights';

/**
 * How numbers read in insight sentences. Kept apart from the rules so every rule rounds the
 * same way, and so a sentence's numbers agree with each other (40 % − 27 % reads as 13 points).
 */

/** A 0..1 share as a whole percentage: 0.274 → "27 %". */
export const percent = (share: number): string => `${Math.round(share * 100)} %`;

/** Difference in whole percentage points between two shares, as they are displayed. */
export const pointsBetween = (a: number, b: number): number => Math.round(a * 100) - Math.round(b * 100);

/** Minutes as hours: one decimal under ten hours ("1.2 h", "6 h"), whole hours above ("46 h", "1,177 h"). */
export function hours(minutes: number): string {
  const h = minutes / 60;
  return h < 10 ? `${Math.round(h * 10) / 10} h` : `${Math.round(h).toLocaleString('en-US')} h`;
}

/** "1 request", "3 requests": only exactly 1 is singular. */
export const count = (n: number, singular: string, plural = `${singular}s`): string => `${n} ${n === 1 ? singular : plural}`;

/** Days to one decimal, agreeing with the number shown: "1 day" (0.96 rounds to 1), "1.5 days". */
export const days = (d: number): string => count(Math.round(d * 10) / 10, 'day');

const named: [number, string][] = [
  [1 / 4, 'a quarter'],
  [1 / 3, 'a third'],
  [1 / 2, 'half'],
  [2 / 3, 'two thirds'],
  [3 / 4, 'three quarters'],
];

/** A fraction in words when it is close to a familiar one ("three quarters"), else a percentage. */
export function fractionInWords(f: number): string {
  if (f >= 0.97) return 'nearly all';
  const near = named.find(([value]) => Math.abs(f - value) <= 0.03);
  return near ? near[1] : percent(f);
}

/**
 * A change as a sentence reads it, by its basis (`rules/comparison.ts`): "rose 40 % (180 h to 252 h)",
 * "rose by 6 h (2 h to 8 h)" on a small base, "was 12 h, with no earlier data to compare" when the
 * earlier period has none. Shares are told by `percent` and points, not here.
 */
export function changeOf(change: Change, show: (n: number) => string): string {
  if (change.previous === null || change.difference === null) return `was ${show(change.value)}, with no earlier data to compare`;
  const span = `(${show(change.previous)} to ${show(change.value)})`;
  if (change.difference === 0) return `held at ${show(change.value)}`;
  const verb = change.difference > 0 ? 'rose' : 'fell';
  if (change.relative !== null) return `${verb} ${percent(Math.abs(change.relative))} ${span}`;
  return `${verb} by ${show(Math.abs(change.difference))} ${span}`;
}
