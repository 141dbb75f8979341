import { describe, expect, it } from 'vitest';
import { formatWeekdayDate, plural } from './format';

describe('plural', () => {
  it.each([
    [1, 'card', '1 card'],
    [0, 'card', '0 cards'],
    [2, 'card', '2 cards'],
    [999, 'card', '999 cards'],
    [1, 'entry', '1 entry'],
    [3, 'entry', '3 entries'],
    [1, 'person', '1 person'],
    [7, 'person', '7 people'],
    [1, 'day', '1 day'],
    [1.5, 'day', '1.5 days'],
    [-1, 'day', '-1 days'],
    [1200, 'request', '1,200 requests'],
  ])('%s %s → %s', (n, noun, expected) => {
    expect(plural(n, noun)).toBe(expected);
  });

  it('takes an explicit plural for other irregular nouns', () => {
    expect(plural(2, 'analysis', 'analyses')).toBe('2 analyses');
    expect(plural(1, 'analysis', 'analyses')).toBe('1 analysis');
  });
});

describe('formatWeekdayDate', () => {
  const thisYear = new Date().getUTCFullYear();
  it('writes weekday, day and month, as "Expected by Tue 15 Dec" reads', () => {
    // 1 June 2026 was a Monday: count from it by hand.
    expect(formatWeekdayDate('2026-06-01').split(' ')[0]).toBe('Mon');
    expect(formatWeekdayDate('2026-12-15').startsWith('Tue 15 Dec')).toBe(true);
    expect(formatWeekdayDate('2026-12-19').startsWith('Sat 19 Dec')).toBe(true);
  });

  it('adds the year only when it is not this year', () => {
    expect(formatWeekdayDate(`${thisYear}-03-02`)).toMatch(/^[A-Z][a-z]{2} 2 Mar$/);
    expect(formatWeekdayDate(`${thisYear + 1}-03-02`)).toMatch(new RegExp(`^[A-Z][a-z]{2} 2 Mar ${thisYear + 1}$`));
  });
});
