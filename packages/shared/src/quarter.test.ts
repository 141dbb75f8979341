import { describe, expect, it } from 'vitest';
import { Quarter, quarterOf, quarterRange } from './quarter';

describe('quarters', () => {
  it('maps dates to their quarter at every boundary', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-09-30')).toBe('2026-Q3');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
  });
  it('spans a quarter from its first to its last day, leap years included', () => {
    expect(quarterRange('2028-Q1')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(quarterRange('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterRange('2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quarterRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
  it('accepts only YYYY-Qn within 2000–2099', () => {
    for (const ok of ['2000-Q1', '2099-Q4', '2026-Q3']) expect(Quarter.safeParse(ok).success).toBe(true);
    for (const bad of ['1999-Q4', '2100-Q1', '2026-Q5', '2026-Q0', '2026Q1', '2026-q1', ' 2026-Q1', '+02026-Q1']) {
      expect(Quarter.safeParse(bad).success).toBe(false);
    }
  });
});
