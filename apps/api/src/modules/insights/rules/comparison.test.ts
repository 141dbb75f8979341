import { describe, expect, it } from 'vitest';
import { compareCount, compareShare } from './comparison';

describe('how a change is told', () => {
  it('minutes: a percentage from ten hours (600 minutes) up, the difference below', () => {
    expect(compareCount('minutes', 900, 600, true)).toEqual({
      unit: 'minutes',
      basis: 'relative',
      value: 900,
      previous: 600,
      difference: 300,
      relative: 0.5,
    });
    expect(compareCount('minutes', 480, 599, true)).toEqual({
      unit: 'minutes',
      basis: 'absolute',
      value: 480,
      previous: 599,
      difference: -119,
      relative: null,
    });
    // Nothing logged before, in a period the data covers: "+12 h", not "new" or infinity.
    expect(compareCount('minutes', 720, 0, true)).toMatchObject({ basis: 'absolute', difference: 720, relative: null });
  });

  it('requests: a percentage from five up, the difference below', () => {
    expect(compareCount('requests', 6, 5, true)).toMatchObject({ basis: 'relative', difference: 1, relative: 0.2 });
    expect(compareCount('requests', 7, 4, true)).toMatchObject({ basis: 'absolute', previous: 4, difference: 3, relative: null });
  });

  it('no earlier data: no previous figure, no difference, never a percentage', () => {
    for (const unit of ['minutes', 'requests'] as const) {
      expect(compareCount(unit, 10_560, 2_000, false)).toEqual({
        unit,
        basis: 'no_earlier_data',
        value: 10_560,
        previous: null,
        difference: null,
        relative: null,
      });
    }
    expect(compareShare(0.4, 0.1, false)).toEqual({
      unit: 'share',
      basis: 'no_earlier_data',
      value: 0.4,
      previous: null,
      difference: null,
      relative: null,
    });
  });

  it('shares change in points (the 0..1 difference), never relative', () => {
    const told = compareShare(0.3, 0.25, true);
    expect(told).toMatchObject({ unit: 'share', basis: 'points', previous: 0.25, relative: null });
    expect(told.difference).toBeCloseTo(0.05, 12);
  });
});
