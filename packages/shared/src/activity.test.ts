import { describe, expect, it } from 'vitest';
import { entryEditableUntil, mayCorrectTimeEntry, UpdateTimeEntryBody } from './activity';

const max = { id: 4, role: 'marketer' as const };
// Logged at 12:00 UTC on Friday 20 November 2026.
const entry = { userId: 4, createdAt: '2026-11-20T12:00:00.000Z' };

describe('who may correct a time entry, and until when', () => {
  it.each([
    ['its author on the day they logged it', max, '2026-11-20', 'UTC', true],
    ['its author on the 14th day after', max, '2026-12-04', 'UTC', true],
    ['its author on the 15th day after', max, '2026-12-05', 'UTC', false],
    ['its author on the 15th day in UTC, the 14th in Auckland (logged on the 21st there)', max, '2026-12-05', 'Pacific/Auckland', true],
    ['another marketer, the same day', { id: 5, role: 'marketer' as const }, '2026-11-20', 'UTC', false],
    ['a lead, a year later', { id: 1, role: 'lead' as const }, '2027-11-20', 'UTC', true],
    ['its author, made a requester since', { id: 4, role: 'requester' as const }, '2026-11-20', 'UTC', false],
  ])('%s: %s', (_label, user, today, zone, allowed) => {
    expect(mayCorrectTimeEntry(user, entry, today, zone)).toBe(allowed);
  });

  it('names the last day in the company calendar', () => {
    expect(entryEditableUntil(entry, 'UTC')).toBe('2026-12-04');
    expect(entryEditableUntil(entry, 'Pacific/Auckland')).toBe('2026-12-05');
    expect(entryEditableUntil({ createdAt: '2026-11-20T12:00:00.000Z' }, 'America/Los_Angeles')).toBe('2026-12-04');
  });
});

describe('a correction body', () => {
  it.each([
    [{ minutes: 75, version: 1 }, true],
    [{ note: '', version: 2 }, true],
    [{ date: '2026-11-19', version: 1 }, true],
    [{ version: 1 }, false],
    [{ minutes: 75 }, false],
    [{ minutes: 0, version: 1 }, false],
    [{ minutes: 1441, version: 1 }, false],
    [{ minutes: 75, version: 1, requestId: 3 }, false],
  ])('%j accepted: %s', (body, accepted) => {
    expect(UpdateTimeEntryBody.safeParse(body).success).toBe(accepted);
  });
});
