import { dateIn } from '@altitude/shared/calendar';

/** The browser's own zone, asked once: resolving it costs more than the date itself. */
let localZone: string | undefined;
/** The last "today" computed for the present moment, per zone, kept for a second (a board asks once per card). */
const recent = new Map<string, { second: number; date: string }>();

/**
 * Today's calendar date (YYYY-MM-DD) in a time zone: the browser's own by default, which is the
 * day the person at the screen calls today; pass the company's zone where the server's
 * reckoning matters. The one "today" of the web app (UTC's date is nobody's today after dark).
 */
export function today(timeZone?: string, now?: Date): string {
  const zone = timeZone ?? (localZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
  if (now) return dateIn(now, zone);
  const at = Date.now();
  const second = Math.floor(at / 1000);
  const hit = recent.get(zone);
  if (hit && hit.second === second) return hit.date;
  const date = dateIn(new Date(at), zone);
  recent.set(zone, { second, date });
  return date;
}
