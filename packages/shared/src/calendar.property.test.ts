import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateIn,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  maxWeeks,
  mondayOf,
  quarterStartOf,
  weekStarts,
  zonedDayStart,
} from './calendar';
import { isQuarterStart, nextQuarterStart, quarterLabel } from './settings';

/*
 * Every exported date function over the whole accepted range (2000-01-01..2099-12-31) and its
 * edges. Expected values come from an independent oracle: JavaScript's own UTC calendar
 * (Date.UTC, getUTCDay), never from the functions under test.
 */

const dayMs = 86_400_000;
const utc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Dates a calendar bug likes: the range's ends, leap days, year and month ends, DST changes. */
const edges = [
  '2000-01-01',
  '2000-01-02',
  '2000-01-03', // the first Monday of the range
  '2000-02-28',
  '2000-02-29', // a leap day in a century year divisible by 400
  '2000-03-01',
  '2000-12-31',
  '2001-01-01',
  '2004-02-29',
  '2018-11-04', // São Paulo skipped midnight
  '2026-03-29', // Berlin goes to summer time
  '2026-10-25',
  '2026-11-20',
  '2026-12-31',
  '2027-01-01',
  '2096-02-29', // the last leap day of the range
  '2099-02-28',
  '2099-12-27',
  '2099-12-28', // the last Monday of the range
  '2099-12-30',
  '2099-12-31',
];
const min = Date.UTC(2000, 0, 1);
const max = Date.UTC(2099, 11, 31);
const accepted = fc.oneof(
  { arbitrary: fc.integer({ min: min / dayMs, max: max / dayMs }).map((n) => iso(n * dayMs)), weight: 3 },
  { arbitrary: fc.constantFrom(...edges), weight: 2 },
);
const zones = fc.constantFrom(
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Asia/Kathmandu',
);
/** A period as long as a report may ask for (five years), in order. */
const longestPeriod = 5 * 366;
const reportPeriod = fc.tuple(accepted, fc.integer({ min: 0, max: longestPeriod - 1 }), fc.boolean()).map(([edge, length, forward]) => {
  const from = forward ? Math.min(utc(edge), max - length * dayMs) : Math.max(utc(edge) - length * dayMs, min);
  return { from: iso(from), to: iso(from + length * dayMs) };
});
const runs = { numRuns: 400 };

/** What no calendar function may take for a date: outside 0000–9999, malformed, impossible. */
const notDates = [
  '-000001-12-01',
  '+010000-01-01',
  '+275760-09-13',
  '2026-02-30',
  '2026-13-01',
  '2026-1-1',
  '2026-11-20T00:00:00Z',
  '',
  'garbage',
  ' 2026-11-20',
];

describe('calendar functions over the accepted range (property)', () => {
  it('dayNumber and dateOfDayNumber are inverse and agree with the UTC calendar', () => {
    fc.assert(
      fc.property(accepted, (date) => {
        expect(dayNumber(date)).toBe(utc(date) / dayMs);
        expect(dateOfDayNumber(utc(date) / dayMs)).toBe(date);
      }),
      runs,
    );
  });

  it('addDays and daysBetween step through the calendar as the UTC clock does', () => {
    fc.assert(
      fc.property(accepted, fc.integer({ min: -2000, max: 2000 }), (date, days) => {
        const expected = iso(utc(date) + days * dayMs);
        expect(addDays(date, days)).toBe(expected);
        expect(daysBetween(date, expected)).toBe(days);
        expect(daysBetween(expected, date)).toBe(0 - days);
      }),
      runs,
    );
  });

  it('mondayOf is a Monday, on or at most six days before the date', () => {
    fc.assert(
      fc.property(accepted, (date) => {
        const monday = mondayOf(date);
        expect(new Date(utc(monday)).getUTCDay()).toBe(1);
        const back = (utc(date) - utc(monday)) / dayMs;
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(6);
      }),
      runs,
    );
  });

  it('weekStarts lists every Monday of the weeks a period touches, seven days apart, and no more', () => {
    fc.assert(
      fc.property(reportPeriod, ({ from, to }) => {
        const weeks = weekStarts(from, to);
        const firstMonday = utc(from) - ((new Date(utc(from)).getUTCDay() + 6) % 7) * dayMs;
        expect(weeks.length).toBe(Math.floor((utc(to) - firstMonday) / (7 * dayMs)) + 1);
        expect(weeks[0]).toBe(iso(firstMonday));
        expect(weeks).toEqual(weeks.map((_, i) => iso(firstMonday + 7 * i * dayMs)));
        expect(utc(weeks.at(-1)!)).toBeLessThanOrEqual(utc(to));
        expect(utc(weeks.at(-1)!) + 7 * dayMs).toBeGreaterThan(utc(to));
      }),
      runs,
    );
  });

  it('weekStarts over the whole accepted range answers, and a reversed period has no weeks', () => {
    expect(weekStarts('2000-01-01', '2099-12-31')).toHaveLength(5219);
    expect(weekStarts('2099-12-31', '2000-01-01')).toEqual([]);
    expect(weekStarts('2026-11-20', '2026-11-19')).toEqual([]);
  });

  it('quarterStartOf is the first day of the quarter holding the date', () => {
    fc.assert(
      fc.property(accepted, (date) => {
        const d = new Date(utc(date));
        const expected = iso(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1));
        const start = quarterStartOf(date);
        expect(start).toBe(expected);
        expect(isQuarterStart(start)).toBe(true);
        expect(quarterLabel(start)).toBe(`Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`);
        const next = nextQuarterStart(start);
        expect(next).toBe(iso(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + 3, 1)));
      }),
      runs,
    );
  });

  it('zonedDayStart is the first instant of the date in the zone, and dateIn reads it back', () => {
    fc.assert(
      fc.property(accepted, zones, (date, zone) => {
        const start = Date.parse(zonedDayStart(date, zone));
        expect(dateIn(new Date(start), zone)).toBe(date);
        expect(dateIn(new Date(start - 1), zone)).toBe(iso(utc(date) - dayMs));
        // A day in any zone starts within 14 hours of UTC midnight.
        expect(Math.abs(start - utc(date))).toBeLessThanOrEqual(14 * 3_600_000);
      }),
      runs,
    );
  });
});

describe('calendar functions outside their domain answer at once with a RangeError', () => {
  it.each(notDates)('%j is not a date for any of them', (bad) => {
    const calls = [
      () => dayNumber(bad),
      () => addDays(bad, 1),
      () => daysBetween(bad, '2026-11-20'),
      () => daysBetween('2026-11-20', bad),
      () => mondayOf(bad),
      () => weekStarts(bad, '2026-11-20'),
      () => weekStarts('2026-11-20', bad),
      () => quarterStartOf(bad),
      () => zonedDayStart(bad, 'UTC'),
    ];
    for (const call of calls) expect(call).toThrow(RangeError);
  });

  it('stepping past year 0000 or 9999 is a RangeError, not an expanded-year string', () => {
    expect(() => addDays('0000-01-01', -1)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => dateOfDayNumber(Number.NaN)).toThrow(RangeError);
    expect(() => dateOfDayNumber(0.5)).toThrow(RangeError);
    expect(addDays('0000-01-02', -1)).toBe('0000-01-01');
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
  });

  it('the week list is bounded: the whole of 0000–9999 is refused before any week is listed', () => {
    const started = performance.now();
    expect(() => weekStarts('0000-01-01', '9999-12-31')).toThrow(RangeError);
    // 0000-01-01 was a Saturday: its Monday lies in year -1, which YYYY-MM-DD cannot write.
    expect(() => weekStarts('0000-01-01', '0000-01-31')).toThrow(RangeError);
    expect(weekStarts('9999-12-01', '9999-12-31')).toEqual(['9999-11-29', '9999-12-06', '9999-12-13', '9999-12-20', '9999-12-27']);
    expect(maxWeeks).toBeGreaterThanOrEqual(5219);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
