import { dateIn } from '@altitude/shared/calendar';

/**
 * Today's calendar date (YYYY-MM-DD) in a time zone: the browser's own by default, which is the
 * day the person at the screen calls today; pass the company's zone where the server's
 * reckoning matters. The one "today" of the web app (UTC's date is nobody's today after dark).
 */
export function today(timeZone?: string, now: Date = new Date()): string {
  return dateIn(now, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
}
