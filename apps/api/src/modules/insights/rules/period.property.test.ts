import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quarterStartOf } from '@altitude/shared/calendar';
import { comparisonPeriod, maxPeriodDays, periodDays, previousPeriod, resolvePeriod } from './period';
import { targetForPeriod } from './report-maths';

/*
 * The report period and target rules over the whole accepted range (2000-01-01..2099-12-31) and
 * its edges (moved here from packages/shared with the rules). Expected values come from an
 * independent oracle: JavaScript's own UTC calendar, never from the functions under test.
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
/** A period a report accepts: in order and at most `maxPeriodDays` long. */
const reportPeriod = fc.tuple(accepted, fc.integer({ min: 0, max: maxPeriodDays - 1 }), fc.boolean()).map(([edge, length, forward]) => {
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

describe('report periods over the accepted range (property)', () => {
  it('resolvePeriod accepts exactly the ordered periods of at most the longest length', () => {
    fc.assert(
      fc.property(accepted, accepted, (from, to) => {
        const days = (utc(to) - utc(from)) / dayMs + 1;
        const result = resolvePeriod({ from, to }, '2026-11-20');
        if (days >= 1 && days <= maxPeriodDays) expect(result).toEqual({ ok: true, period: { from, to } });
        else expect(result).toMatchObject({ ok: false, path: 'from' });
      }),
      runs,
    );
  });

  it('resolvePeriod fills in a missing end from any day of the range, even when that reaches before 2000', () => {
    fc.assert(
      fc.property(accepted, (today) => {
        expect(resolvePeriod({}, today)).toEqual({ ok: true, period: { from: iso(utc(today) - 27 * dayMs), to: today } });
        expect(resolvePeriod({ to: today }, '2099-12-31')).toEqual({ ok: true, period: { from: iso(utc(today) - 27 * dayMs), to: today } });
      }),
      runs,
    );
  });

  it('periodDays counts both ends and previousPeriod is the same length, ending the day before', () => {
    fc.assert(
      fc.property(reportPeriod, (period) => {
        const days = (utc(period.to) - utc(period.from)) / dayMs + 1;
        expect(periodDays(period)).toBe(days);
        const previous = previousPeriod(period);
        expect(previous.to).toBe(iso(utc(period.from) - dayMs));
        expect((utc(previous.to) - utc(previous.from)) / dayMs + 1).toBe(days);
      }),
      runs,
    );
  });

  it('comparisonPeriod: whole months and quarters meet the whole month or quarter before, anything else the same days before', () => {
    // Oracle: JavaScript's UTC calendar; Date.UTC(y, m, 0) is the last day of month m (1-based).
    const monthly = fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(1, 3));
    fc.assert(
      fc.property(monthly, ([year, month, months]) => {
        const start = months === 3 ? month - ((month - 1) % 3) : month;
        const period = { from: iso(Date.UTC(year, start - 1, 1)), to: iso(Date.UTC(year, start - 1 + months, 0)) };
        expect(comparisonPeriod(period)).toEqual({
          from: iso(Date.UTC(year, start - 1 - months, 1)),
          to: iso(Date.UTC(year, start - 1, 0)),
        });
      }),
      runs,
    );
    fc.assert(
      fc.property(reportPeriod, (period) => {
        const compared = comparisonPeriod(period);
        expect(compared.to).toBe(iso(utc(period.from) - dayMs));
        const [y, m, d] = period.from.split('-').map(Number) as [number, number, number];
        const lastOfMonth = iso(Date.UTC(y, m, 0));
        const lastOfQuarter = iso(Date.UTC(y, m - 1 + 3, 0));
        const wholeMonthOrQuarter = d === 1 && (period.to === lastOfMonth || ((m - 1) % 3 === 0 && period.to === lastOfQuarter));
        if (!wholeMonthOrQuarter) expect(compared).toEqual(previousPeriod(period));
      }),
      runs,
    );
  });

  it('a period starting 2000-01-01 has its previous period in 1999', () => {
    expect(previousPeriod({ from: '2000-01-01', to: '2000-01-31' })).toEqual({ from: '1999-12-01', to: '1999-12-31' });
    expect(previousPeriod({ from: '2000-01-01', to: '2004-12-31' })).toEqual({ from: '1994-12-31', to: '1999-12-31' });
  });

  it('targetForPeriod is the day-weighted average of the quarter targets in effect', () => {
    const quarterArb = accepted.map(quarterStartOf);
    // Periods up to about a year, so the oracle can walk them day by day.
    const period = fc.tuple(accepted, fc.integer({ min: 0, max: 400 })).map(([edge, length]) => {
      const from = Math.min(utc(edge), max - length * dayMs);
      return { from: iso(from), to: iso(from + length * dayMs) };
    });
    const targetsArb = fc.uniqueArray(fc.record({ periodStart: quarterArb, strategicShare: fc.double({ min: 0, max: 1, noNaN: true }) }), {
      selector: (t) => t.periodStart,
      maxLength: 6,
    });
    fc.assert(
      fc.property(period, targetsArb, (p, targets) => {
        const sorted = [...targets].sort((a, b) => utc(a.periodStart) - utc(b.periodStart));
        let sum = 0;
        let days = 0;
        for (let ms = utc(p.from); ms <= utc(p.to); ms += dayMs) {
          const inEffect = sorted.filter((t) => utc(t.periodStart) <= ms).at(-1);
          if (inEffect) {
            sum += inEffect.strategicShare;
            days += 1;
          }
        }
        const got = targetForPeriod(targets, p);
        if (days === 0) expect(got).toBeNull();
        else expect(got).toBeCloseTo(sum / days, 9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('report periods outside the calendar answer at once with a RangeError', () => {
  it.each(notDates)('%j is not a date for any of them', (bad) => {
    const calls = [
      () => resolvePeriod({ from: bad, to: '2026-11-20' }, '2026-11-20'),
      () => resolvePeriod({ to: bad }, '2026-11-20'),
      () => previousPeriod({ from: bad, to: '2026-11-20' }),
      () => periodDays({ from: '2026-11-20', to: bad }),
      () => targetForPeriod([{ periodStart: '2026-10-01', strategicShare: 0.5 }], { from: bad, to: '2026-11-20' }),
    ];
    for (const call of calls) expect(call).toThrow(RangeError);
  });

  it('a previous period before year 0000 is a RangeError, not an expanded-year string', () => {
    expect(() => previousPeriod({ from: '0000-01-01', to: '0000-01-31' })).toThrow(RangeError);
  });
});
