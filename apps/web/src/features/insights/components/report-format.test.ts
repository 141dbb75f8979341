import { describe, expect, it } from 'vitest';
import type { Change } from '@altitude/shared/insights';
import { changeText, weekDaysInPeriod } from './report-format';

const change = (over: Partial<Change>): Change => ({
  unit: 'minutes',
  basis: 'relative',
  value: 0,
  previous: 0,
  difference: 0,
  relative: null,
  ...over,
});

describe('how a change reads on the Insights page', () => {
  it('a relative change is a signed percentage', () => {
    expect(changeText(change({ value: 252, previous: 180, difference: 72, relative: 0.4 }))).toBe('+40 %');
    expect(changeText(change({ unit: 'requests', value: 30, previous: 40, difference: -10, relative: -0.25 }))).toBe('−25 %');
  });

  it('a change on a small base is the difference in hours or requests', () => {
    expect(changeText(change({ basis: 'absolute', value: 480, previous: 120, difference: 360 }))).toBe('+6 h');
    expect(changeText(change({ basis: 'absolute', unit: 'requests', value: 5, previous: 2, difference: 3 }))).toBe('+3 requests');
    expect(changeText(change({ basis: 'absolute', unit: 'requests', value: 1, previous: 2, difference: -1 }))).toBe('−1 request');
    expect(changeText(change({ basis: 'absolute', unit: 'requests', value: 2, previous: 2, difference: 0 }))).toBe('±0 requests');
  });

  it('a share moves in points, as the rounded percentages show them', () => {
    // 40 % and 26.5 % display as 40 % and 27 %: 13 points, not 14.
    expect(changeText(change({ unit: 'share', basis: 'points', value: 0.4, previous: 0.265, difference: 0.135 }))).toBe('+13 pts');
    expect(changeText(change({ unit: 'share', basis: 'points', value: 0.2, previous: 0.5, difference: -0.3 }))).toBe('−30 pts');
  });

  it('no earlier data is said in words, never as a number', () => {
    for (const unit of ['minutes', 'requests', 'share'] as const) {
      expect(changeText(change({ unit, basis: 'no_earlier_data', value: 10_560, previous: null, difference: null }))).toBe(
        'no earlier data',
      );
    }
  });
});

describe('partial weeks at the ends of a period', () => {
  // 1 October 2026 is a Thursday; 31 December 2026 a Thursday too.
  const q4 = { from: '2026-10-01', to: '2026-12-31' };
  it('counts the days of a week inside the period', () => {
    expect(weekDaysInPeriod('2026-09-28', q4)).toBe(4); // Thu 1 Oct to Sun 4 Oct
    expect(weekDaysInPeriod('2026-10-05', q4)).toBe(7);
    expect(weekDaysInPeriod('2026-12-28', q4)).toBe(4); // Mon 28 to Thu 31 Dec
    expect(weekDaysInPeriod('2026-11-16', { from: '2026-11-18', to: '2026-11-20' })).toBe(3); // one short week both ends
  });
});
