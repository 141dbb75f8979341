import { describe, expect, it } from 'vitest';
import { addDays, dateIn, daysBetween, mondayOf, quarterStartOf, weekStarts, zonedDayStart } from './calendar';

describe('calendar dates', () => {
  it('weeks start on Monday, whatever the day of the week', () => {
    expect(mondayOf('2026-11-16')).toBe('2026-11-16'); // a Monday
    expect(mondayOf('2026-11-20')).toBe('2026-11-16'); // Friday
    expect(mondayOf('2026-11-22')).toBe('2026-11-16'); // Sunday belongs to the week before
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // across a year end
    expect(mondayOf('1969-12-31')).toBe('1969-12-29'); // before the epoch
  });

  it('lists the Monday of every week a period touches', () => {
    expect(weekStarts('2026-10-24', '2026-11-20')).toEqual(['2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
    expect(weekStarts('2026-11-16', '2026-11-16')).toEqual(['2026-11-16']);
  });

  it('adds and counts days across month, leap-day and year boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });

  it('finds the first day of a quarter', () => {
    expect(quarterStartOf('2026-11-20')).toBe('2026-10-01');
    expect(quarterStartOf('2026-03-31')).toBe('2026-01-01');
    expect(quarterStartOf('2026-04-01')).toBe('2026-04-01');
  });
});

describe('company time zone', () => {
  it('a day starts at UTC midnight in UTC', () => {
    expect(zonedDayStart('2026-11-20', 'UTC')).toBe('2026-11-20T00:00:00.000Z');
  });

  it('a day in Berlin starts an hour or two before UTC midnight, with daylight saving', () => {
    expect(zonedDayStart('2026-01-15', 'Europe/Berlin')).toBe('2026-01-14T23:00:00.000Z');
    expect(zonedDayStart('2026-07-15', 'Europe/Berlin')).toBe('2026-07-14T22:00:00.000Z');
    // The day the clocks go forward still begins at its midnight, still on winter time.
    expect(zonedDayStart('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedDayStart('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
  });

  it('a day in New York starts after UTC midnight', () => {
    expect(zonedDayStart('2026-11-20', 'America/New_York')).toBe('2026-11-20T05:00:00.000Z');
  });

  it('where daylight saving skips midnight, the day begins when the clocks jump', () => {
    // São Paulo moved 2018-11-04 00:00 to 01:00.
    expect(zonedDayStart('2018-11-04', 'America/Sao_Paulo')).toBe('2018-11-04T03:00:00.000Z');
    expect(dateIn(new Date('2018-11-04T03:00:00.000Z'), 'America/Sao_Paulo')).toBe('2018-11-04');
    expect(dateIn(new Date('2018-11-04T02:59:59.000Z'), 'America/Sao_Paulo')).toBe('2018-11-03');
  });

  it('reads the calendar date of an instant in a zone', () => {
    expect(dateIn(new Date('2026-11-20T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-21');
    expect(dateIn(new Date('2026-11-20T03:30:00Z'), 'America/New_York')).toBe('2026-11-19');
  });
});
