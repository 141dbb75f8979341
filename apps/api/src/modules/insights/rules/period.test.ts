import { describe, expect, it } from 'vitest';
import { comparisonPeriod, isCalendarMonth, isCalendarQuarter, periodDays, previousPeriod, resolvePeriod } from './period';

describe('report periods', () => {
  const today = '2026-11-20';

  it('without dates, covers the last four weeks ending today', () => {
    expect(resolvePeriod({}, today)).toEqual({ ok: true, period: { from: '2026-10-24', to: '2026-11-20' } });
    expect(periodDays({ from: '2026-10-24', to: '2026-11-20' })).toBe(28);
  });

  it('fills in whichever end is missing', () => {
    expect(resolvePeriod({ from: '2026-11-01' }, today)).toEqual({ ok: true, period: { from: '2026-11-01', to: today } });
    expect(resolvePeriod({ to: '2026-09-30' }, today)).toEqual({ ok: true, period: { from: '2026-09-03', to: '2026-09-30' } });
  });

  it('a single day is a valid period', () => {
    expect(resolvePeriod({ from: today, to: today }, today)).toEqual({ ok: true, period: { from: today, to: today } });
  });

  it('names `from` when it comes after `to`, including a defaulted `to`', () => {
    expect(resolvePeriod({ from: '2026-11-21', to: '2026-11-20' }, today)).toMatchObject({ ok: false, path: 'from' });
    expect(resolvePeriod({ from: '2026-12-01' }, today)).toMatchObject({ ok: false, path: 'from' });
  });

  it('refuses periods longer than five years', () => {
    expect(resolvePeriod({ from: '2010-01-01', to: today }, today)).toMatchObject({ ok: false, path: 'from' });
    expect(resolvePeriod({ from: '2022-01-01', to: '2026-12-31' }, today).ok).toBe(true);
  });

  it('the previous period has the same length and ends the day before', () => {
    expect(previousPeriod({ from: '2026-10-24', to: '2026-11-20' })).toEqual({ from: '2026-09-26', to: '2026-10-23' });
    expect(previousPeriod({ from: '2026-10-01', to: '2026-12-31' })).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-02-28', to: '2026-02-28' });
  });

  // Expected periods written from a calendar by hand.
  it.each([
    ['Q1 compares with Q4 of the year before', '2026-01-01', '2026-03-31', '2025-10-01', '2025-12-31'],
    ['Q2 (91 days) with Q1 (90 days)', '2026-04-01', '2026-06-30', '2026-01-01', '2026-03-31'],
    ['Q4 with Q3', '2026-10-01', '2026-12-31', '2026-07-01', '2026-09-30'],
    ['Q2 of a leap year with its Q1 of 91 days', '2024-04-01', '2024-06-30', '2024-01-01', '2024-03-31'],
    ['a 31-day month after a 30-day month', '2026-10-01', '2026-10-31', '2026-09-01', '2026-09-30'],
    ['a 30-day month after a 31-day month', '2026-11-01', '2026-11-30', '2026-10-01', '2026-10-31'],
    ['January with December of the year before', '2026-01-01', '2026-01-31', '2025-12-01', '2025-12-31'],
    ['March with a 28-day February', '2026-03-01', '2026-03-31', '2026-02-01', '2026-02-28'],
    ['March with February 29 in a leap year', '2024-03-01', '2024-03-31', '2024-02-01', '2024-02-29'],
    ['a leap February with January', '2024-02-01', '2024-02-29', '2024-01-01', '2024-01-31'],
    ['February 2000 (a leap century) with January', '2000-02-01', '2000-02-29', '2000-01-01', '2000-01-31'],
    ['a custom 10-day range with the 10 days before', '2026-11-11', '2026-11-20', '2026-11-01', '2026-11-10'],
    ['a custom 10-day range from the 1st with the 10 days before', '2026-03-01', '2026-03-10', '2026-02-19', '2026-02-28'],
    ['quarter to date with the same number of days before', '2026-10-01', '2026-11-20', '2026-08-11', '2026-09-30'],
    ['month to date with the same number of days before', '2026-11-01', '2026-11-20', '2026-10-12', '2026-10-31'],
    [
      'a quarter that does not start on a quarter (Feb–Apr) with the 89 days before',
      '2026-02-01',
      '2026-04-30',
      '2025-11-04',
      '2026-01-31',
    ],
    ['February 28 to March 31 (not a month) with the 32 days before', '2026-02-28', '2026-03-31', '2026-01-27', '2026-02-27'],
    ['two whole months with the 61 days before', '2026-09-01', '2026-10-31', '2026-07-02', '2026-08-31'],
    ['a whole half-year with the 184 days before', '2026-07-01', '2026-12-31', '2025-12-29', '2026-06-30'],
  ])('%s', (_, from, to, expectedFrom, expectedTo) => {
    expect(comparisonPeriod({ from, to })).toEqual({ from: expectedFrom, to: expectedTo });
  });

  it('knows a calendar month and a calendar quarter by both ends', () => {
    expect(isCalendarMonth({ from: '2024-02-01', to: '2024-02-29' })).toBe(true);
    expect(isCalendarMonth({ from: '2023-02-01', to: '2023-02-29' })).toBe(false); // no such day; never a month
    expect(isCalendarMonth({ from: '2026-02-01', to: '2026-02-27' })).toBe(false);
    expect(isCalendarMonth({ from: '2026-02-02', to: '2026-02-28' })).toBe(false);
    expect(isCalendarQuarter({ from: '2026-07-01', to: '2026-09-30' })).toBe(true);
    expect(isCalendarQuarter({ from: '2026-08-01', to: '2026-10-31' })).toBe(false);
    expect(isCalendarQuarter({ from: '2026-07-01', to: '2026-09-29' })).toBe(false);
  });
});
