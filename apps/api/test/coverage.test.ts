import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coverage } from '@altitude/shared/working-time';
import type { InsightList } from '@altitude/shared/insights';
import { departments, settings, timeEntries, users } from '../src/db/schema';
import { demoPassword } from '../src/db/seed/demo-catalog';
import { hashPassword } from '../src/lib/password';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { fileRequest, ok, signIn, tickingClock, type Caller } from './request-helpers';

/**
 * Coverage: logged against available time (issue 11). Every expected figure below was counted by
 * hand on a calendar from the fixture, not read from the code:
 *
 * Period 2026-11-30 (Mon) .. 2026-12-13 (Sun): 10 weekdays. Holidays: 2026-12-08 (Tue, counts),
 * 2026-12-12 (Sat, takes nothing away), 2026-12-25 (outside). Working days: 9.
 *
 * | person               | weekly | available (weekly/5 × 9) | logged in the period                        |
 * | Lena Lead (lead)     | 2400   | 4320                     | 900 + 600 = 1500                            |
 * | Leo Lindqvist (left) | 2400   | 4320                     | 1000 on a Saturday                          |
 * | Max Ortega           | 2400   | 4320                     | 600 + 300 on the holiday = 900 (+700 outside)|
 * | Pia Park (part-time) | 1200   | 2160                     | 540 + 540 = 1080                            |
 * Zoe (left, logged only before the period) and Rita (a requester) are not in the team.
 * Team: 4480 logged of 15120 available = 0.29629…, "30 %"; hours 74.67 → "75 h", 252 h.
 * Largest gap: Max 4320 − 900 = 3420 (Lena 2820, Leo 3320, Pia 1080): "Max Ortega logged 15 of 72 h".
 */
const from = '2026-11-30';
const to = '2026-12-13';
const url = `/api/reports/coverage?from=${from}&to=${to}`;

let t: TestApp;
let lena: Caller;
let rita: Caller;
const id: Record<string, number> = {};

async function addPerson(
  key: string,
  name: string,
  role: 'lead' | 'marketer' | 'requester',
  extra: Partial<typeof users.$inferInsert> = {},
) {
  const dept = t.app.db.select().from(departments).where(eq(departments.name, 'Marketing')).get()!;
  const row = t.app.db
    .insert(users)
    .values({ email: `${key}@example.com`, name, role, passwordHash: await hashPassword(demoPassword), departmentId: dept.id, ...extra })
    .returning({ id: users.id })
    .get();
  id[key] = row.id;
}

beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline', now: tickingClock(new Date('2026-12-20T12:00:00.000Z')) });
  await addPerson('lena', 'Lena Lead', 'lead');
  await addPerson('max', 'Max Ortega', 'marketer');
  await addPerson('pia', 'Pia Park', 'marketer');
  await addPerson('leo', 'Leo Lindqvist', 'marketer', { active: false });
  await addPerson('zoe', 'Zoe Left', 'marketer', { active: false });
  await addPerson('rita', 'Rita Reader', 'requester', { canViewInsights: true });
  lena = await signIn(t, 'lena@example.com');
  rita = await signIn(t, 'rita@example.com');
  // The part-timer and the holidays are set the way a lead sets them.
  ok(await lena.patch(`/api/users/${id.pia}`, { weeklyMinutes: 1200 }));
  ok(
    await lena.put('/api/settings/holidays', {
      items: [
        { date: '2026-12-08', name: 'Staff day' },
        { date: '2026-12-12', name: 'Winter fair' },
        { date: '2026-12-25', name: 'Christmas Day' },
      ],
    }),
  );
  const typeId = ok<{ items: { id: number }[] }>(await lena.get('/api/request-types')).items[0]!.id;
  const request = await fileRequest(lena, { title: 'Winter campaign', typeId });
  const log: [string, number, string][] = [
    ['lena', 900, '2026-12-01'],
    ['lena', 600, '2026-12-10'],
    ['max', 500, '2026-11-29'],
    ['max', 600, '2026-12-02'],
    ['max', 300, '2026-12-08'],
    ['max', 200, '2026-12-14'],
    ['pia', 540, '2026-12-03'],
    ['pia', 540, '2026-12-04'],
    ['leo', 1000, '2026-12-12'],
    ['zoe', 400, '2026-11-20'],
  ];
  for (const [who, minutes, date] of log) {
    t.app.db.insert(timeEntries).values({ requestId: request.id, userId: id[who]!, minutes, date, note: 'fixture' }).run();
  }
});
afterAll(() => t.app.close());

const person = (key: string, name: string, weeklyMinutes: number, loggedMinutes: number, availableMinutes: number) => ({
  userId: id[key],
  name,
  weeklyMinutes,
  loggedMinutes,
  availableMinutes,
  coverage: expect.closeTo(loggedMinutes / availableMinutes, 10),
});

describe('coverage', () => {
  it('counts logged against available time for the team and each person, by name', async () => {
    const body = ok<Coverage>(await lena.get(url));
    expect(body).toEqual({
      from,
      to,
      loggedMinutes: 4480,
      availableMinutes: 15120,
      coverage: expect.closeTo(4480 / 15120, 10),
      workingDays: 9,
      holidays: [
        { date: '2026-12-08', name: 'Staff day' },
        { date: '2026-12-12', name: 'Winter fair' },
      ],
      people: [
        person('lena', 'Lena Lead', 2400, 1500, 4320),
        person('leo', 'Leo Lindqvist', 2400, 1000, 4320),
        person('max', 'Max Ortega', 2400, 900, 4320),
        person('pia', 'Pia Park', 1200, 1080, 2160),
      ],
    });
  });

  it('a holiday a lead adds on a weekday, and new weekly hours, change available time on the next read', async () => {
    const current = ok<{ items: unknown[] }>(await lena.get('/api/settings/holidays')).items;
    ok(await lena.put('/api/settings/holidays', { items: [...current, { date: '2026-12-09', name: 'Extra day' }] }));
    ok(await lena.patch(`/api/users/${id.max}`, { weeklyMinutes: 2000 }));
    const body = ok<Coverage>(await lena.get(url));
    // 8 working days: Lena and Leo 480 × 8 = 3840, Max 400 × 8 = 3200, Pia 240 × 8 = 1920.
    expect(body.workingDays).toBe(8);
    expect(body.availableMinutes).toBe(3840 + 3840 + 3200 + 1920);
    expect(body.people.map((p) => p.availableMinutes)).toEqual([3840, 3840, 3200, 1920]);
    ok(await lena.put('/api/settings/holidays', { items: current }));
    ok(await lena.patch(`/api/users/${id.max}`, { weeklyMinutes: 2400 }));
  });

  it('a period nobody was available in has coverage null, not a division by zero', async () => {
    // A weekend: no working day for anyone.
    const body = ok<Coverage>(await lena.get('/api/reports/coverage?from=2026-12-05&to=2026-12-06'));
    expect(body).toMatchObject({ availableMinutes: 0, loggedMinutes: 0, coverage: null, workingDays: 0 });
  });

  it('an insight says how little of the team time the split describes, naming the widest gap', async () => {
    const insights = ok<InsightList>(await lena.get(`/api/reports/insights?from=${from}&to=${to}`)).items;
    const low = insights.find((i) => i.id === 'low-coverage');
    expect(low?.text).toBe("The split describes 30 % of the team's time (75 h logged of 252 h available); Max Ortega logged 15 of 72 h.");
    expect(low?.link).toBe(`/insights?from=${from}&to=${to}#coverage`);
    expect(low?.figures).toMatchObject({ loggedMinutes: 4480, availableMinutes: 15120, userId: id.max, userLoggedMinutes: 900 });
  });

  it('in the board view, readers other than leads get the team only: no people, no name in the insight', async () => {
    t.app.db
      .insert(settings)
      .values({ key: 'boardView', value: 'true' })
      .onConflictDoUpdate({ target: settings.key, set: { value: 'true' } })
      .run();
    try {
      const hidden = ok<Coverage>(await rita.get(url));
      expect(hidden).toMatchObject({ loggedMinutes: 4480, availableMinutes: 15120, people: [] });
      const text = ok<InsightList>(await rita.get(`/api/reports/insights?from=${from}&to=${to}`)).items.find(
        (i) => i.id === 'low-coverage',
      );
      expect(text?.text).toBe("The split describes 30 % of the team's time (75 h logged of 252 h available).");
      expect(text?.figures).not.toHaveProperty('userId');
      // A lead still sees everyone.
      expect(ok<Coverage>(await lena.get(url)).people).toHaveLength(4);
    } finally {
      t.app.db.update(settings).set({ value: 'false' }).where(eq(settings.key, 'boardView')).run();
    }
    expect(ok<Coverage>(await rita.get(url)).people).toHaveLength(4);
  });

  it('is for Insights readers; a bad period is a 400 naming the parameter', async () => {
    await addPerson('sam', 'Sam Seller', 'requester');
    await addPerson('mo', 'Mo Marketer', 'marketer');
    expectProblem(await (await signIn(t, 'sam@example.com')).get(url), 403);
    expectProblem(await (await signIn(t, 'mo@example.com')).get(url), 403);
    const reversed = expectProblem(await lena.get(`/api/reports/coverage?from=${to}&to=${from}`), 400);
    expect(reversed.errors?.map((e) => e.path)).toEqual(['from']);
    const outOfRange = expectProblem(await lena.get('/api/reports/coverage?from=1999-12-31&to=2000-01-31'), 400);
    expect(outOfRange.errors?.map((e) => e.path)).toEqual(['from']);
  });
});
