import { describe, expect, it } from 'vitest';
import { availableMinutes, coverageOf, parseWeeklyHours, workingDays } from './working-time';

// Expected values counted by hand on a calendar: 2026-11-30 is a Monday, 2026-12-25 a Friday.
describe('working time', () => {
  it.each([
    ['2026-11-30', '2026-12-06', [], 5], // Monday..Sunday
    ['2026-12-05', '2026-12-06', [], 0], // a weekend
    ['2026-12-04', '2026-12-07', [], 2], // Friday..Monday
    ['2026-11-30', '2026-12-27', [], 20], // four whole weeks
    ['2026-12-01', '2026-12-31', [], 23], // December 2026: Tue 1st .. Thu 31st
    ['2026-12-01', '2026-12-31', ['2026-12-25', '2026-12-26'], 22], // Boxing Day is a Saturday
    ['2026-12-01', '2026-12-31', ['2026-12-25', '2026-12-25'], 22], // a date listed twice counts once
    ['2026-12-01', '2026-12-31', ['2027-01-01'], 23], // a holiday outside the period
    ['2026-12-02', '2026-12-01', [], 0], // to before from
    ['2024-02-26', '2024-03-03', ['2024-02-29'], 4], // leap day on a Thursday
  ])('%s..%s with holidays %j has %i working days', (from, to, holidays, expected) => {
    expect(workingDays(from, to, holidays)).toBe(expected);
  });

  it('a full-timer has 480 minutes a working day; a part-timer their share', () => {
    expect(availableMinutes(2400, '2026-11-30', '2026-12-27')).toBe(20 * 480);
    expect(availableMinutes(1200, '2026-11-30', '2026-12-06', ['2026-12-01'])).toBe(4 * 240);
    expect(availableMinutes(0, '2026-11-30', '2026-12-06')).toBe(0);
  });

  it('coverage is logged over available, and none without availability', () => {
    expect(coverageOf(150 * 60, 480 * 60)).toBeCloseTo(0.3125, 10);
    expect(coverageOf(60, 0)).toBeNull();
  });
});

describe('weekly hours as a lead types them', () => {
  it.each([
    ['40', 2400],
    ['32', 1920],
    ['32h', 1920],
    [' 32 h ', 1920],
    ['32.5', 1950],
    ['32,5', 1950],
    ['37h 30m', 2250],
    ['37:30', 2250],
    ['0', 0],
    ['100', 6000],
  ])('%j is %i minutes a week', (input, minutes) => {
    expect(parseWeeklyHours(input)).toEqual({ ok: true, minutes });
  });

  it.each([[''], ['abc'], ['-5'], ['101'], ['100h 1m'], ['32.123'], ['forty']])('%j is refused with a message', (input) => {
    const result = parseWeeklyHours(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).not.toBe('');
  });
});
