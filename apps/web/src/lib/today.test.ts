import { afterEach, describe, expect, it } from 'vitest';
import { today } from './today';

describe('today', () => {
  // 2026-03-10 23:30 UTC: already the 11th east of Greenwich, still the 10th in the Americas.
  const lateEvening = new Date('2026-03-10T23:30:00Z');
  const zoneBefore = process.env.TZ;
  afterEach(() => {
    if (zoneBefore === undefined) delete process.env.TZ;
    else process.env.TZ = zoneBefore;
  });

  it('is the calendar date in the zone asked for, not the UTC date', () => {
    expect(today('Asia/Kolkata', lateEvening)).toBe('2026-03-11');
    expect(today('America/New_York', lateEvening)).toBe('2026-03-10');
    expect(today('Pacific/Kiritimati', new Date('2026-12-31T10:00:00Z'))).toBe('2027-01-01');
    expect(today('UTC', lateEvening)).toBe('2026-03-10');
  });

  // The browser's zone is read from Date's local fields; Node takes a new TZ at once, as a
  // browser takes the machine's zone. Dates by hand: each zone's offset at those instants.
  it.each([
    ['Asia/Kolkata', lateEvening, '2026-03-11'],
    ['America/New_York', lateEvening, '2026-03-10'],
    ['Pacific/Kiritimati', new Date('2026-12-31T10:00:00Z'), '2027-01-01'],
    ['America/Los_Angeles', new Date('2027-01-01T07:59:00Z'), '2026-12-31'],
    ['Europe/London', new Date('2026-03-29T00:30:00Z'), '2026-03-29'],
  ])("defaults to the browser's own zone (%s)", (zone, instant, expected) => {
    process.env.TZ = zone;
    expect(today(undefined, instant)).toBe(expected);
    expect(today(undefined, instant)).toBe(today(zone, instant));
  });

  it('answers for the present moment in the browser zone', () => {
    process.env.TZ = 'Pacific/Kiritimati';
    expect(today()).toBe(today('Pacific/Kiritimati'));
  });
});
