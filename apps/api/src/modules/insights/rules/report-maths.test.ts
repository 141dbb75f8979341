import { describe, expect, it } from 'vitest';
import { handBackRule, percentile, percentileAt, percentileRanks, shareOf, splitOf, targetForPeriod, withShare } from './report-maths';

describe('strategic share', () => {
  it('divides strategic minutes by all minutes, unclassified included', () => {
    const split = withShare({ strategicMinutes: 300, tacticalMinutes: 500, unclassifiedMinutes: 200 });
    expect(split.totalMinutes).toBe(1000);
    expect(split.strategicShare).toBe(0.3);
  });

  it('is 0, not NaN, when nothing was logged', () => {
    expect(withShare({ strategicMinutes: 0, tacticalMinutes: 0, unclassifiedMinutes: 0 }).strategicShare).toBe(0);
    expect(shareOf(5, 0)).toBe(0);
  });
});

describe('percentiles', () => {
  it('interpolate between the closest ranks, as PERCENTILE.INC does', () => {
    const days = [1, 2, 3, 4, 10];
    expect(percentile(days, 0.5)).toBe(3);
    // rank (5 − 1) × 0.85 = 3.4: 40 % of the way from 4 to 10
    expect(percentile(days, 0.85)).toBeCloseTo(6.4);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('of one value is that value, of none is null', () => {
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([7], 0.85)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('need only the two values either side of the rank', () => {
    expect(percentileRanks(20, 0.85)).toEqual({ lower: 16, upper: 17, fraction: expect.closeTo(0.15, 10) });
    expect(percentileRanks(1, 0.85)).toEqual({ lower: 0, upper: 0, fraction: 0 });
    const read: number[] = [];
    const sorted = Array.from({ length: 20 }, (_, i) => i * i);
    const p85 = percentileAt(sorted.length, 0.85, (rank) => (read.push(rank), sorted[rank]!));
    expect(read.sort((a, b) => a - b)).toEqual([16, 17]);
    expect(p85).toBeCloseTo(256 + 0.15 * (289 - 256));
  });
});

describe('target for a period', () => {
  const targets = [
    { periodStart: '2026-07-01', strategicShare: 0.3 },
    { periodStart: '2026-10-01', strategicShare: 0.4 },
  ];

  it("is the quarter's target inside one quarter", () => {
    expect(targetForPeriod(targets, { from: '2026-10-24', to: '2026-11-20' })).toBe(0.4);
  });

  it('stays in effect after its quarter until the next target', () => {
    expect(targetForPeriod(targets, { from: '2027-02-01', to: '2027-02-28' })).toBe(0.4);
  });

  it('is the day-weighted average across quarters', () => {
    // 10 days at 30 % (Sep 21–30) and 10 days at 40 % (Oct 1–10)
    expect(targetForPeriod(targets, { from: '2026-09-21', to: '2026-10-10' })).toBeCloseTo(0.35);
  });

  it('ignores days before any target, and is null when no day has one', () => {
    expect(targetForPeriod(targets, { from: '2026-06-21', to: '2026-07-10' })).toBeCloseTo(0.3);
    expect(targetForPeriod(targets, { from: '2026-01-01', to: '2026-06-30' })).toBeNull();
    expect(targetForPeriod([], { from: '2026-01-01', to: '2026-06-30' })).toBeNull();
  });
});

describe('hand-back rule', () => {
  it('asks for at least five requests, and one a fortnight over longer periods', () => {
    expect(handBackRule(28).minRequests).toBe(5);
    expect(handBackRule(92).minRequests).toBe(7);
    expect(handBackRule(365).minRequests).toBe(27);
    expect(handBackRule(28).maxMinutesEach).toBe(180);
  });
});

describe('the minutes of a row', () => {
  it('keeps the three minute counts and drops whatever else the row carries', () => {
    const row = { keys: ['3'], requestCount: 4, strategicMinutes: 60, tacticalMinutes: 30, unclassifiedMinutes: 15 };
    expect(splitOf(row)).toStrictEqual({ strategicMinutes: 60, tacticalMinutes: 30, unclassifiedMinutes: 15 });
  });
});
