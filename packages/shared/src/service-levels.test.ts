import { describe, expect, it } from 'vitest';
import { BusinessCalendar, expectedByFor, isRush } from './business-time';
import { endPause, slaBudgetMinutes, slaStateOf, slaUsedMinutes, type SlaClock } from './service-levels';

/*
 * Hand-computed cases. December 2026: Fri 4, Sat 5, Sun 6, Mon 7, Tue 8, Wed 9. Business hours
 * 09:00–17:00 (480 minutes a day).
 */
const utc = new BusinessCalendar('UTC');

describe('the date a request is expected by', () => {
  it('Friday 16:00 with two business days is Tuesday (Monday is day 1)', () => {
    expect(expectedByFor('2026-12-04T16:00:00Z', 2, utc)).toBe('2026-12-08');
  });

  it('a holiday on the Monday pushes it to Wednesday', () => {
    expect(expectedByFor('2026-12-04T16:00:00Z', 2, new BusinessCalendar('UTC', ['2026-12-07']))).toBe('2026-12-09');
  });

  it('a holiday on a Saturday changes nothing', () => {
    expect(expectedByFor('2026-12-04T16:00:00Z', 2, new BusinessCalendar('UTC', ['2026-12-05']))).toBe('2026-12-08');
  });

  it('filed on Saturday, two business days is still Tuesday', () => {
    expect(expectedByFor('2026-12-05T10:00:00Z', 2, utc)).toBe('2026-12-08');
  });

  it('a turnaround of 0 is the filing date itself', () => {
    expect(expectedByFor('2026-12-04T10:00:00Z', 0, utc)).toBe('2026-12-04');
  });

  it('the filing date is the company’s: 23:30 UTC on Thursday is Friday 05:00 in Kolkata', () => {
    // Thursday + 2 = Monday in UTC; Friday + 2 = Tuesday in Kolkata (+05:30).
    expect(expectedByFor('2026-12-03T23:30:00Z', 2, utc)).toBe('2026-12-07');
    expect(expectedByFor('2026-12-03T23:30:00Z', 2, new BusinessCalendar('Asia/Kolkata'))).toBe('2026-12-08');
  });

  it('02:00 UTC on Tuesday is still Monday evening in New York', () => {
    // Mon 7 21:00 EST + 1 = Tue 8; in UTC it is Tue 8 + 1 = Wed 9.
    expect(expectedByFor('2026-12-08T02:00:00Z', 1, new BusinessCalendar('America/New_York'))).toBe('2026-12-08');
    expect(expectedByFor('2026-12-08T02:00:00Z', 1, utc)).toBe('2026-12-09');
  });
});

describe('a rush', () => {
  it('is needed before the expected-by date; the same day or later is not a rush, no date is none', () => {
    expect(isRush('2026-12-07', '2026-12-08')).toBe(true);
    expect(isRush('2026-12-08', '2026-12-08')).toBe(false);
    expect(isRush('2026-12-09', '2026-12-08')).toBe(false);
    expect(isRush(null, '2026-12-08')).toBe(false);
    expect(isRush(undefined, '2026-12-08')).toBe(false);
  });
});

describe('SLA state', () => {
  // Filed Fri 16:00, expected Tue: budget = Fri 16:00–17:00 (60) + Mon (480) + Tue (480) = 1020.
  // Three quarters = 765 = 60 + 480 + 225, reached Tuesday at 09:00 + 225 min = 12:45.
  const open: SlaClock = {
    createdAt: '2026-12-04T16:00:00Z',
    expectedBy: '2026-12-08',
    pausedMinutes: 0,
    pausedSince: null,
    status: 'in_progress',
    completedAt: null,
  };
  const at = (iso: string) => new Date(iso);

  it('the budget runs from filing to 17:00 on the expected-by date', () => {
    expect(slaBudgetMinutes(open, utc)).toBe(1020);
    // Filed Saturday: Mon + Tue = 960.
    expect(slaBudgetMinutes({ createdAt: '2026-12-05T10:00:00Z', expectedBy: '2026-12-08' }, utc)).toBe(960);
    expect(slaBudgetMinutes({ createdAt: '2026-12-05T10:00:00Z', expectedBy: null }, utc)).toBeNull();
  });

  it('is on track until exactly three quarters are used, then at risk', () => {
    // Mon 10:00: 60 + 60 = 120.
    expect(slaUsedMinutes(open, at('2026-12-07T10:00:00Z'), utc)).toBe(120);
    expect(slaStateOf(open, at('2026-12-07T10:00:00Z'), utc)).toBe('on_track');
    // Tue 12:44: 60 + 480 + 224 = 764 < 765.
    expect(slaStateOf(open, at('2026-12-08T12:44:00Z'), utc)).toBe('on_track');
    // Tue 12:45: 765 = 75 % of 1020 exactly.
    expect(slaUsedMinutes(open, at('2026-12-08T12:45:00Z'), utc)).toBe(765);
    expect(slaStateOf(open, at('2026-12-08T12:45:00Z'), utc)).toBe('at_risk');
  });

  it('is breached only once more than the budget is used, not at 17:00 on the day nor overnight', () => {
    expect(slaStateOf(open, at('2026-12-08T17:00:00Z'), utc)).toBe('at_risk'); // 1020 = budget
    expect(slaStateOf(open, at('2026-12-09T09:00:00Z'), utc)).toBe('at_risk'); // still 1020
    expect(slaStateOf(open, at('2026-12-09T09:01:00Z'), utc)).toBe('breached'); // 1021
  });

  it('is paused while a pause runs, whatever time is used', () => {
    expect(slaStateOf({ ...open, pausedSince: '2026-12-07T10:00:00Z' }, at('2026-12-10T12:00:00Z'), utc)).toBe('paused');
  });

  it('finished pauses are taken out of the time used', () => {
    // Wed 09:01: 1021 − 300 = 721 < 765.
    expect(slaStateOf({ ...open, pausedMinutes: 300 }, at('2026-12-09T09:01:00Z'), utc)).toBe('on_track');
    // Wed 13:00: 1020 + 240 − 300 = 960 ≥ 765 and ≤ 1020.
    expect(slaStateOf({ ...open, pausedMinutes: 300 }, at('2026-12-09T13:00:00Z'), utc)).toBe('at_risk');
  });

  it('a closed request is met or missed as it stood when it closed, however late it is read', () => {
    const later = at('2027-03-01T12:00:00Z');
    expect(slaStateOf({ ...open, status: 'done', completedAt: '2026-12-08T17:00:00Z' }, later, utc)).toBe('met'); // 1020
    expect(slaStateOf({ ...open, status: 'done', completedAt: '2026-12-09T09:01:00Z' }, later, utc)).toBe('missed'); // 1021
    expect(slaStateOf({ ...open, status: 'declined', completedAt: '2026-12-09T09:01:00Z', pausedMinutes: 1 }, later, utc)).toBe('met'); // 1020
  });

  it('a request without an expected-by date has no state', () => {
    expect(slaStateOf({ ...open, expectedBy: null }, at('2026-12-07T10:00:00Z'), utc)).toBeNull();
  });
});

describe('ending a pause', () => {
  it('adds the pause’s business minutes and clears its start', () => {
    // Fri 16:30–17:00 (30) + Mon 09:00–09:45 (45) = 75, on top of 30 earlier.
    expect(endPause({ pausedMinutes: 30, pausedSince: '2026-12-04T16:30:00Z' }, '2026-12-07T09:45:00Z', utc)).toEqual({
      pausedMinutes: 105,
      pausedSince: null,
    });
  });

  it('a pause over a holiday Monday counts only Tuesday', () => {
    // Sat 10:00 → Tue 11:00 with Mon 7 a holiday: Tue 09:00–11:00 = 120.
    const cal = new BusinessCalendar('UTC', ['2026-12-07']);
    expect(endPause({ pausedMinutes: 0, pausedSince: '2026-12-05T10:00:00Z' }, new Date('2026-12-08T11:00:00Z'), cal).pausedMinutes).toBe(
      120,
    );
  });

  it('changes nothing when no pause runs', () => {
    expect(endPause({ pausedMinutes: 30, pausedSince: null }, '2026-12-07T09:45:00Z', utc)).toEqual({
      pausedMinutes: 30,
      pausedSince: null,
    });
  });
});
