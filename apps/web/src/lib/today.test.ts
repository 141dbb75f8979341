import { describe, expect, it } from 'vitest';
import { today } from './today';

describe('today', () => {
  // 2026-03-10 23:30 UTC: already the 11th east of Greenwich, still the 10th in the Americas.
  const lateEvening = new Date('2026-03-10T23:30:00Z');

  it('is the calendar date in the zone asked for, not the UTC date', () => {
    expect(today('Asia/Kolkata', lateEvening)).toBe('2026-03-11');
    expect(today('America/New_York', lateEvening)).toBe('2026-03-10');
    expect(today('Pacific/Kiritimati', new Date('2026-12-31T10:00:00Z'))).toBe('2027-01-01');
    expect(today('UTC', lateEvening)).toBe('2026-03-10');
  });

  it("defaults to the browser's own zone", () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(today(undefined, lateEvening)).toBe(today(zone, lateEvening));
  });
});
