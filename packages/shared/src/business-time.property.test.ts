import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, maxTurnaroundDays, type WallTime } from './business-time';

/*
 * The business clock against naive oracles written here: a day-by-day walk for business days,
 * a minute-by-minute count for business minutes. The oracles use only JavaScript's UTC calendar
 * (Date.UTC, getUTCDay) and their own Intl formatter, never the functions under test.
 */

const dayMs = 86_400_000;
const minuteMs = 60_000;
const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'Europe/Berlin'] as const;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utcOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
/** Saturday and Sunday by the UTC calendar. */
const isWeekend = (date: string) => [0, 6].includes(new Date(utcOf(date)).getUTCDay());
const oracleBusinessDay = (date: string, holidays: ReadonlySet<string>) => !isWeekend(date) && !holidays.has(date);

/** Walks forward one calendar day at a time, counting the business days it lands on. */
function oracleAddBusinessDays(date: string, n: number, holidays: ReadonlySet<string>): string {
  let ms = utcOf(date);
  for (let left = n; left > 0;) {
    ms += dayMs;
    if (oracleBusinessDay(iso(ms), holidays)) left -= 1;
  }
  return iso(ms);
}

function oracleBusinessDaysBetween(first: number, last: number, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let n = first; n <= last; n++) if (oracleBusinessDay(iso(n * dayMs), holidays)) count += 1;
  return count;
}

/** The wall clock in a zone by Intl, read fresh at every UTC hour (offsets only change on the hour in these zones). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallAt(ms: number, zone: string): { date: string; minute: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, minute: Number(p.hour) * 60 + Number(p.minute) };
}

/** Counts, one real minute after another, the minutes from `from` to `to` that fall in business hours on a business day. */
function oracleMinutesBetween(fromMs: number, toMs: number, zone: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  let hourStart = Number.NaN;
  let wall = { date: '', minute: 0 };
  for (let t = Math.floor(fromMs / minuteMs) * minuteMs; t < Math.floor(toMs / minuteMs) * minuteMs; t += minuteMs) {
    const h = Math.floor(t / 3_600_000) * 3_600_000;
    if (h !== hourStart) {
      hourStart = h;
      wall = wallAt(h, zone);
    }
    const minute = wall.minute + (t - h) / minuteMs;
    if (minute >= 9 * 60 && minute < 17 * 60 && oracleBusinessDay(wall.date, holidays)) count += 1;
  }
  return count;
}

/** Counts wall-clock minutes (day, minute) from `from` to `to`, one at a time. */
function oracleMinutesBetweenWall(from: WallTime, to: WallTime, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let day = from.day; day <= to.day; day++) {
    if (!oracleBusinessDay(iso(day * dayMs), holidays)) continue;
    for (let m = 9 * 60; m < 17 * 60; m++) {
      const afterFrom = day > from.day || m >= from.minute;
      const beforeTo = day < to.day || m < to.minute;
      if (afterFrom && beforeTo) count += 1;
    }
  }
  return count;
}

// Day numbers of the accepted range 2000-01-01..2099-12-31.
const firstDay = utcOf('2000-01-01') / dayMs;
const lastDay = utcOf('2099-12-31') / dayMs;

/** A start day and a set of holidays within the following months (weekend ones included: they must change nothing). */
const dayWithHolidays = (spanDays: number) =>
  fc.integer({ min: firstDay, max: lastDay - spanDays - 400 }).chain((start) =>
    fc.record({
      start: fc.constant(start),
      holidays: fc
        .uniqueArray(fc.integer({ min: start - 5, max: start + spanDays }), { maxLength: 25 })
        .map((ns) => ns.map((n) => iso(n * dayMs))),
    }),
  );

describe('business days against a day-by-day walk', () => {
  it('addBusinessDays lands where walking forward day by day lands, across weekends and holidays', () => {
    fc.assert(
      fc.property(dayWithHolidays(60), fc.integer({ min: 0, max: 30 }), ({ start, holidays }, n) => {
        const date = iso(start * dayMs);
        const calendar = new BusinessCalendar('UTC', holidays);
        expect(calendar.addBusinessDays(date, n)).toBe(oracleAddBusinessDays(date, n, new Set(holidays)));
      }),
      { numRuns: 400 },
    );
  });

  it('addBusinessDays handles the longest turnaround and dense holiday runs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: firstDay, max: lastDay - 700 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 300, max: maxTurnaroundDays }),
        (start, runLength, n) => {
          // A block of consecutive holidays (a company shutdown) right after the start.
          const holidays = Array.from({ length: runLength }, (_, i) => iso((start + 1 + i) * dayMs));
          const date = iso(start * dayMs);
          expect(new BusinessCalendar('UTC', holidays).addBusinessDays(date, n)).toBe(oracleAddBusinessDays(date, n, new Set(holidays)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a turnaround out of range is refused, not looped on', () => {
    const calendar = new BusinessCalendar('UTC');
    for (const n of [-1, 1.5, maxTurnaroundDays + 1, Number.NaN])
      expect(() => calendar.addBusinessDays('2026-12-04', n)).toThrow(RangeError);
  });

  it('businessDaysInDayNumbers counts what a day-by-day walk counts (0 for an empty range)', () => {
    fc.assert(
      fc.property(
        dayWithHolidays(120),
        fc.integer({ min: -3, max: 120 }),
        fc.integer({ min: 0, max: 5 }),
        ({ start, holidays }, length, offset) => {
          const first = start + offset;
          const last = first + length - 1;
          expect(new BusinessCalendar('Europe/Berlin', holidays).businessDaysInDayNumbers(first, last)).toBe(
            oracleBusinessDaysBetween(first, last, new Set(holidays)),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('business minutes against a minute-by-minute count', () => {
  it('minutesBetweenWall counts the wall-clock business minutes one by one', () => {
    const wall = (base: number) => fc.record({ day: fc.integer({ min: base, max: base + 20 }), minute: fc.integer({ min: 0, max: 1439 }) });
    fc.assert(
      fc.property(
        dayWithHolidays(25).chain(({ start, holidays }) => fc.tuple(fc.constant(holidays), wall(start), wall(start))),
        ([holidays, from, to]) => {
          expect(new BusinessCalendar('UTC', holidays).minutesBetweenWall(from, to)).toBe(
            oracleMinutesBetweenWall(from, to, new Set(holidays)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  /** DST changes of 2026 in the zones that have them, and a plain stretch for the rest. */
  const anchors: Record<(typeof zones)[number], string[]> = {
    UTC: ['2026-12-04', '2031-02-27'],
    'America/New_York': ['2026-03-08', '2026-11-01'],
    'Asia/Kolkata': ['2026-12-04', '2028-02-29'],
    'Pacific/Auckland': ['2026-04-05', '2026-09-27'],
    'Europe/Berlin': ['2026-03-29', '2026-10-25'],
  };

  for (const zone of zones) {
    it(`minutesBetween in ${zone} around ${anchors[zone].join(' and ')} matches a minute-by-minute count`, () => {
      const anchorMs = anchors[zone].map(utcOf);
      const instant = (base: number) => fc.integer({ min: base - 6 * dayMs, max: base + 6 * dayMs });
      fc.assert(
        fc.property(
          fc.constantFrom(...anchorMs).chain((base) =>
            fc.tuple(
              instant(base),
              instant(base),
              fc.uniqueArray(fc.integer({ min: -7, max: 7 }), { maxLength: 4 }).map((ns) => ns.map((n) => iso(base + n * dayMs))),
            ),
          ),
          ([from, to, holidays]) => {
            const calendar = new BusinessCalendar(zone, holidays);
            const expected = oracleMinutesBetween(from, to, zone, new Set(holidays));
            expect(calendar.minutesBetween(new Date(from), new Date(to))).toBe(expected);
            expect(calendar.minutesBetween(new Date(from).toISOString(), new Date(to).toISOString())).toBe(expected);
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it('minutes add up: from → middle → to equals from → to when the instants are in order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.integer({ min: utcOf('2026-01-01'), max: utcOf('2027-01-01') }), { minLength: 3, maxLength: 3 }),
        (zone, points) => {
          const [a, b, c] = [...points].sort((x, y) => x - y).map((ms) => new Date(ms)) as [Date, Date, Date];
          const calendar = new BusinessCalendar(zone, ['2026-12-25', '2026-05-01']);
          expect(calendar.minutesBetween(a, b) + calendar.minutesBetween(b, c)).toBe(calendar.minutesBetween(a, c));
          // Backwards is nothing, never negative.
          expect(calendar.minutesBetween(c, a)).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the wall clock', () => {
  it('matches Intl at any instant, also in zones whose offsets or changes fall on a quarter or half hour', () => {
    const odd = [...zones, 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe', 'Australia/Adelaide'];
    // 2026 DST changes, in UTC (St John's at 02:00 NST, Adelaide at 03:00 ACDT: on a half hour of UTC).
    const changes: Record<string, string> = {
      'America/St_Johns': '2026-03-08T05:30:00Z',
      'Australia/Lord_Howe': '2026-04-04T15:00:00Z',
      'Australia/Adelaide': '2026-04-04T16:30:00Z',
      'Pacific/Auckland': '2026-04-04T14:00:00Z',
      'Europe/Berlin': '2026-03-29T01:00:00Z',
      'America/New_York': '2026-03-08T07:00:00Z',
    };
    // One calendar per zone, kept across runs: its offset cache must stay right whatever was asked before.
    const calendars = new Map(odd.map((z) => [z, new BusinessCalendar(z)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...odd),
        fc.integer({ min: utcOf('2000-01-01'), max: utcOf('2099-12-31') }),
        fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }),
        fc.boolean(),
        (zone, anywhere, nudge, nearChange) => {
          // Half the runs land within three hours of a 2026 DST change, where a cached offset would go wrong first.
          const change = changes[zone];
          const ms = nearChange && change ? Date.parse(change) + nudge : anywhere;
          const expected = wallAt(Math.floor(ms / minuteMs) * minuteMs, zone);
          const got = calendars.get(zone)!.wallTime(new Date(ms));
          expect({ date: iso(got.day * dayMs), minute: got.minute }).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
