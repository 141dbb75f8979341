import { describe, expect, it } from 'vitest';
import { BusinessCalendar, expectedByFor } from '@altitude/shared/business-time';
import { slaStateOf } from '@altitude/shared/service-levels';
import { createRandom } from '../../../db/seed/random';
import { onTimeJudge } from './service-level-maths';

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
