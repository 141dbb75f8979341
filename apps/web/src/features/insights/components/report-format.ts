import { addDays, dayNumber } from '@altitude/shared/calendar';
import type { Change } from '@altitude/shared/insights';

/** Insights-only number formats: shares as whole percents, minutes as hours. */
export const pct = (share: number) => `${Math.round(share * 100)} %`;
export const hours = (minutes: number) =>
  minutes / 60 >= 100 ? Math.round(minutes / 60).toLocaleString('en') : (Math.round(minutes / 6) / 10).toLocaleString('en');

const signed = (n: number, text: string) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${text}`;

/**
 * The one way a change reads on the page, by the basis the API chose (`rules/comparison.ts`):
 * "+40 %", "+6 h" or "−2 requests" on a small base, "+5 pts" for a share, "no earlier data".
 * Points are the difference of the percentages as shown, so 40 % next to 27 % reads 13 pts.
 */
export function changeText(c: Change): string {
  if (c.basis === 'no_earlier_data' || c.previous === null || c.difference === null) return 'no earlier data';
  if (c.basis === 'points') {
    const pts = Math.round(c.value * 100) - Math.round(c.previous * 100);
    return signed(pts, `${Math.abs(pts)} pts`);
  }
  if (c.basis === 'relative' && c.relative !== null) {
    const p = Math.round(c.relative * 100);
    return signed(p, `${Math.abs(p)} %`);
  }
  const size = Math.abs(c.difference);
  if (c.unit === 'minutes') return signed(c.difference, `${hours(size)} h`);
  return signed(c.difference, `${size} ${size === 1 ? 'request' : 'requests'}`);
}

/**
 * How many of a week's seven days (`monday` to Sunday) lie inside the period: fewer than 7 only for
 * the first and last weeks, whose bars would otherwise read as dips.
 */
export function weekDaysInPeriod(monday: string, period: { from: string; to: string }): number {
  const first = Math.max(dayNumber(monday), dayNumber(period.from));
  const last = Math.min(dayNumber(addDays(monday, 6)), dayNumber(period.to));
  return Math.max(0, last - first + 1);
}
