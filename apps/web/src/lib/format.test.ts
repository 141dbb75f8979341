import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatWeekdayDate, plural } from './format';

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

describe('formatDate', () => {
  const zoneBefore = process.env.TZ;
  afterEach(() => {
    if (zoneBefore === undefined) delete process.env.TZ;
    else process.env.TZ = zoneBefore;
  });
  const thisYear = new Date().getFullYear();

  it.each(['America/Los_Angeles', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Pacific/Kiritimati'])(
    'writes a calendar date as that date wherever the viewer is (%s)',
    async (zone) => {
      process.env.TZ = zone;
      // A fresh module, as a browser in that zone loads it (nothing made before the zone was set).
      vi.resetModules();
      const fresh = (await import('./format')).formatDate;
      expect(fresh(`${thisYear}-12-15`)).toBe('15 Dec');
      expect(fresh(`${thisYear}-01-01`)).toBe('1 Jan');
      expect(fresh(`${thisYear}-12-31`)).toBe('31 Dec');
      expect(fresh(`${thisYear + 1}-03-02`)).toBe(`2 Mar ${thisYear + 1}`);
    },
  );

  it("writes every month as en-GB's formatter does (ICU as the oracle)", () => {
    const icu = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    for (let month = 1; month <= 12; month++) {
      const date = `2031-${String(month).padStart(2, '0')}-09`;
      expect(formatDate(date)).toBe(icu.format(new Date(`${date}T00:00:00Z`)));
    }
  });

  it("writes an instant as the viewer's own date", () => {
    process.env.TZ = 'America/New_York';
    expect(formatDate(`${thisYear}-06-10T02:00:00Z`)).toBe('9 Jun');
    process.env.TZ = 'Asia/Kolkata';
    expect(formatDate(`${thisYear}-06-09T20:00:00Z`)).toBe('10 Jun');
  });

  it('writes a dash for nothing and for what is not a date', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
});
