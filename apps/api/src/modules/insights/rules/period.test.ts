import { describe, expect, it } from 'vitest';
import { periodDays, previousPeriod, resolvePeriod } from './period';

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
});
