import type { BusinessCalendar, WallTime } from '@altitude/shared/business-time';
import { wallClockMs } from '@altitude/shared/calendar';

const dayMs = 86_400_000;
const minuteMs = 60_000;
const quarterHourMs = 15 * minuteMs;

/**
 * The company calendar for one report pass over thousands of requests: `wallTime` is what the
 * business-minute maths calls for every instant, and Intl's time-zone conversion is by far its
 * most expensive part. The zone's offset is read once per UTC day when it is the same at both ends
 * of the day (no change of clocks in it), else once per quarter hour (every real clock change falls
 * on one), and added to the instant: the same wall time, at a fraction of the cost. Everything
 * else is the calendar itself. One per calendar, kept as long as it is: the offsets it learned
 * serve every later report (a calendar is replaced, not changed, when holidays or the zone are).
 */
export function reportCalendar(calendar: BusinessCalendar): BusinessCalendar {
  let fast = fastCalendars.get(calendar);
  if (!fast) fastCalendars.set(calendar, (fast = fastCalendarOf(calendar)));
  return fast;
}

const fastCalendars = new WeakMap<BusinessCalendar, BusinessCalendar>();

function fastCalendarOf(calendar: BusinessCalendar): BusinessCalendar {
  const zone = calendar.timeZone;
  const offsetAt = (ms: number) => wallClockMs(ms, zone) - ms;
  const byDay = new Map<number, number | null>();
  const byQuarter = new Map<number, number>();
  const offsetOf = (ms: number): number => {
    const day = Math.floor(ms / dayMs);
    let offset = byDay.get(day);
    if (offset === undefined) {
      const start = offsetAt(day * dayMs);
      offset = start === offsetAt((day + 1) * dayMs - quarterHourMs) ? start : null;
      byDay.set(day, offset);
    }
    if (offset !== null) return offset;
    const quarter = Math.floor(ms / quarterHourMs);
    let exact = byQuarter.get(quarter);
    if (exact === undefined) byQuarter.set(quarter, (exact = offsetAt(quarter * quarterHourMs)));
    return exact;
  };
  const fast = Object.create(calendar) as BusinessCalendar;
  fast.wallTime = (instant: string | Date): WallTime => {
    const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    // Not an instant: the calendar's own answer (a RangeError naming it).
    if (!Number.isFinite(ms)) return calendar.wallTime(instant);
    const wall = Math.floor(ms / 1000) * 1000 + offsetOf(ms);
    const day = Math.floor(wall / dayMs);
    return { day, minute: Math.floor((wall - day * dayMs) / minuteMs) };
  };
  return fast;
}
