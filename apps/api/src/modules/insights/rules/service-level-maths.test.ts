import { describe, expect, it } from 'vitest';
import { BusinessCalendar, expectedByFor } from '@altitude/shared/business-time';
import { slaStateOf } from '@altitude/shared/service-levels';
import { createRandom } from '../../../db/seed/random';
import { onTimeJudge, surelyLateAfter } from './service-level-maths';

describe('the on-time shortcut agrees with slaStateOf', () => {
  it.each(['America/New_York', 'Europe/Berlin', 'UTC'])(
    '%s: 3,000 delivered requests, early, late, paused, across clock changes',
    (zone) => {
      const calendar = new BusinessCalendar(zone, ['2026-03-30', '2026-12-25']);
      const now = new Date('2027-01-01T00:00:00Z');
      const judge = onTimeJudge(now, calendar);
      const rnd = createRandom(12);
      for (let i = 0; i < 3000; i++) {
        const created = Date.UTC(2026, 0, 1) + rnd.int(0, 360) * 86_400_000 + rnd.int(0, 1439) * 60_000;
        const r = {
          createdAt: new Date(created).toISOString(),
          expectedBy: expectedByFor(new Date(created), rnd.int(1, 10), calendar),
          pausedMinutes: rnd.chance(0.3) ? rnd.int(1, 2000) : 0,
          pausedSince: null,
          status: 'done' as const,
          completedAt: new Date(created + rnd.int(1, 20 * 24 * 60) * 60_000).toISOString(),
        };
        expect(judge(r), JSON.stringify(r)).toBe(slaStateOf(r, now, calendar) === 'met');
      }
    },
  );
});

describe('the late-delivery shortcut agrees with slaStateOf', () => {
  it.each(['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'UTC'])(
    '%s: 3,000 deliveries from the expected-by date to the business morning after, filed early or late',
    (zone) => {
      // Holidays right after expected-by dates, so "the next business day" skips one sometimes.
      const calendar = new BusinessCalendar(zone, ['2026-03-30', '2026-11-02', '2026-12-25', '2026-12-28']);
      const now = new Date('2027-01-01T00:00:00Z');
      const judge = onTimeJudge(now, calendar);
      const rnd = createRandom(34);
      for (let i = 0; i < 3000; i++) {
        const created = Date.UTC(2026, 0, 1) + rnd.int(0, 360) * 86_400_000 + rnd.int(0, 1439) * 60_000;
        const expectedBy = expectedByFor(new Date(created), rnd.int(0, 5), calendar);
        // From 12:00 UTC on the expected-by date to four days later, to the second.
        const done = Date.parse(`${expectedBy}T12:00:00Z`) + rnd.int(0, 4 * 86_400) * 1000;
        const r = {
          createdAt: new Date(rnd.chance(0.1) ? done - rnd.int(1, 600) * 60_000 : created).toISOString(),
          expectedBy,
          pausedMinutes: rnd.chance(0.2) ? rnd.int(1, 600) : 0,
          pausedSince: null,
          status: 'done' as const,
          completedAt: new Date(done).toISOString(),
        };
        expect(judge(r), JSON.stringify(r)).toBe(slaStateOf(r, now, calendar) === 'met');
      }
    },
  );
});

describe('the surely-late bound (deliveries SQL settles as late) agrees with slaStateOf', () => {
  it('waits out weekends and holiday runs: Friday and the day before a holiday-Monday are the longest', () => {
    const calendar = new BusinessCalendar('UTC', ['2026-12-24', '2026-12-25', '2026-12-28']);
    // Mondays to Thursdays: the next business day is tomorrow (1), the day after that is the bound (2).
    expect(surelyLateAfter(calendar, '2026-11-02', '2026-11-05').days).toBe(2);
    // Friday → Monday: 3 days, so 4.
    expect(surelyLateAfter(calendar, '2026-11-02', '2026-11-06').days).toBe(4);
    // Wednesday 23 Dec → Tuesday 29 Dec (24, 25, weekend, 28 off): 6 days, so 7.
    expect(surelyLateAfter(calendar, '2026-12-01', '2026-12-31').days).toBe(7);
  });

  it.each(['Pacific/Kiritimati', 'Etc/GMT+12', 'America/New_York', 'Europe/Berlin', 'UTC'])(
    '%s: 3,000 never-paused deliveries filed before 03:00 UTC of the expected-by date and delivered from the bound on are missed',
    (zone) => {
      const calendar = new BusinessCalendar(zone, ['2026-03-30', '2026-11-02', '2026-12-24', '2026-12-25', '2026-12-28']);
      const now = new Date('2027-02-01T00:00:00Z');
      const judge = onTimeJudge(now, calendar);
      const late = surelyLateAfter(calendar, '2026-01-01', '2026-12-31');
      const rnd = createRandom(56);
      for (let i = 0; i < 3000; i++) {
        const expectedBy = expectedByFor(new Date(Date.UTC(2026, 0, 1) + rnd.int(0, 360) * 86_400_000), rnd.int(0, 3), calendar);
        if (expectedBy > late.to) continue;
        // Filed up to 20 days before 03:00 UTC of the expected-by date; delivered from the bound (UTC midnight) up to 10 days on.
        const cutoff = Date.parse(`${expectedBy}T03:00:00.000Z`);
        const created = cutoff - rnd.int(1, 20 * 24 * 60 * 60) * 1000;
        const bound = Date.parse(`${expectedBy}T00:00:00.000Z`) + late.days * 86_400_000;
        const done = bound + (rnd.chance(0.2) ? 0 : rnd.int(0, 10 * 86_400) * 1000);
        const r = {
          createdAt: new Date(created).toISOString(),
          expectedBy,
          pausedMinutes: 0,
          pausedSince: null,
          status: 'done' as const,
          completedAt: new Date(done).toISOString(),
        };
        expect(slaStateOf(r, now, calendar), JSON.stringify(r)).toBe('missed');
        expect(judge(r), JSON.stringify(r)).toBe(false);
      }
    },
  );
});
