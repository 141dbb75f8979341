import { addDays, dateIn, mondayOf, wallClockMs } from '@altitude/shared/calendar';

/** Digests and the brief go out at this hour of the company's day. */
export const sendHour = 8;

/**
 * The instant the wall clock in `timeZone` reads `hour`:00 on `date`. Two rounds of "how far is
 * the zone from UTC here" settle the offset on either side of a daylight-saving change.
 */
export function zonedTime(date: string, hour: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00.000Z`) + hour * 3_600_000;
  const first = wall - (wallClockMs(wall, timeZone) - wall);
  return new Date(wall - (wallClockMs(first, timeZone) - first));
}

/** The latest daily slot at or before `now`: today's 08:00 company time, or yesterday's before then. */
export function latestDailySlot(now: Date, timeZone: string): Date {
  const today = dateIn(now, timeZone);
  const at = zonedTime(today, sendHour, timeZone);
  return at.getTime() <= now.getTime() ? at : zonedTime(addDays(today, -1), sendHour, timeZone);
}

/** The latest Monday 08:00 company time at or before `now`. */
export function latestWeeklySlot(now: Date, timeZone: string): Date {
  const monday = mondayOf(dateIn(now, timeZone));
  const at = zonedTime(monday, sendHour, timeZone);
  return at.getTime() <= now.getTime() ? at : zonedTime(addDays(monday, -7), sendHour, timeZone);
}
