import { describe, expect, it } from 'vitest';
import { isAskable, periodErrors } from './period-errors';

describe('period errors, per date field', () => {
  it('a period in order inside 2000..2099 has none', () => {
    expect(periodErrors({ from: '2026-07-01', to: '2026-09-30' })).toEqual({});
    expect(periodErrors({ from: '2026-07-01', to: '2026-07-01' })).toEqual({});
    expect(isAskable({ from: '2026-07-01', to: '2026-09-30' })).toBe(true);
  });

  it('from after to is told on the field just changed', () => {
    const period = { from: '2026-10-05', to: '2026-10-04' };
    expect(Object.keys(periodErrors(period, 'from'))).toEqual(['from']);
    expect(periodErrors(period, 'from').from).toMatch(/^Must be on or before the end date \(4 Oct/);
    expect(Object.keys(periodErrors(period, 'to'))).toEqual(['to']);
    expect(periodErrors(period, 'to').to).toMatch(/^Must be on or after the start date \(5 Oct/);
    expect(isAskable(period)).toBe(false);
  });

  it('dates outside 2000..2099 are refused on their own field', () => {
    expect(periodErrors({ from: '1999-12-31', to: '2000-01-10' })).toEqual({ from: 'Must be a date between 2000-01-01 and 2099-12-31' });
    expect(periodErrors({ from: '2099-12-01', to: '2100-01-01' })).toEqual({ to: 'Must be a date between 2000-01-01 and 2099-12-31' });
  });

  it('an empty or impossible date asks for a date', () => {
    expect(periodErrors({ from: '', to: '2026-01-01' })).toEqual({ from: 'Enter a date' });
    expect(periodErrors({ from: '2026-01-01', to: '2026-02-30' })).toEqual({ to: 'Must be a calendar date YYYY-MM-DD' });
  });

  it('1,830 days (5 × 366) is the longest period; one more day is refused', () => {
    // 2020-01-01 + 1,829 days = 2025-01-03 (2020 and 2024 are leap years: 366 + 365 + 365 + 365 + 366 = 1,827, then 2 more days)
    expect(periodErrors({ from: '2020-01-01', to: '2025-01-03' })).toEqual({});
    expect(periodErrors({ from: '2020-01-01', to: '2025-01-04' }, 'to')).toEqual({
      to: 'The period can be at most 1,830 days (about five years)',
    });
  });
});
