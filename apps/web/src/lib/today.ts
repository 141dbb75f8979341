import { dateIn } from '@altitude/shared/calendar';

/** The last "today" computed for the present moment, per zone, kept for a second (a board asks once per card). */
const recent = new Map<string, { second: number; date: string }>();
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar date of an instant in the browser's own zone, from Date's local fields: the
 * same zone Intl resolves, without asking Intl, whose first zoned formatter costs some 20–40 ms
 * of the board's first render on a slow machine (the board asks it once for its overdue cards).
 */
function localDate(instant: Date): string {
  return `${String(instant.getFullYear()).padStart(4, '0')}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/**
 * Today's calendar date (YYYY-MM-DD) in a time zone: the browser's own by default, which is the
 * day the person at the screen calls today; pass the company's zone where the server's
 * reckoning matters. The one "today" of the web app (UTC's date is nobody's today after dark).
 */
export function today(timeZone?: string, now?: Date): string {
  const day = (instant: Date) => (timeZone === undefined ? localDate(instant) : dateIn(instant, timeZone));
  if (now) return day(now);
  const at = Date.now();
  const second = Math.floor(at / 1000);
  const key = timeZone ?? '';
  const hit = recent.get(key);
  if (hit && hit.second === second) return hit.date;
  const date = day(new Date(at));
  recent.set(key, { second, date });
  return date;
}
