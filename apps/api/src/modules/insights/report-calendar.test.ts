import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '@altitude/shared/business-time';
import { reportCalendar } from './report-calendar';

describe('the report calendar reads the same wall clock as the business calendar', () => {
  // Zones with clock changes on the hour, on the half hour (Lord Howe moves by 30 minutes) and
  // at a local time that is not a whole UTC hour (Newfoundland, UTC−3:30), and one without.
  const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kolkata', 'UTC'];
  it.each(zones)('%s: every instant of 2026 sampled, clock changes included', (zone) => {
    const calendar = new BusinessCalendar(zone, ['2026-12-25']);
    const fast = reportCalendar(calendar);
    const start = Date.UTC(2026, 0, 1);
    // Every 28 minutes 53 seconds 17 ms over the year: every minute of the hour in turn, both sides of each change.
    for (let ms = start; ms < start + 366 * 86_400_000; ms += 1_733_017) {
      const instant = new Date(ms).toISOString();
      expect(fast.wallTime(instant), instant).toEqual(calendar.wallTime(instant));
    }
    const [a, b] = ['2026-03-06T13:07:00.000Z', '2026-11-09T21:59:59.999Z'];
    expect(fast.minutesBetween(a, b)).toBe(calendar.minutesBetween(a, b));
    expect(fast.isBusinessDay('2026-12-25')).toBe(false);
    expect(() => fast.wallTime('not a date')).toThrow(RangeError);
  });
});
