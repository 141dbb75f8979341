import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Forecast } from '@altitude/shared/forecast';
import type { InsightList } from '@altitude/shared/insights';
import { users } from '../src/db/schema';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, classify, fileRequest, getRequest, moveTo, ok, requestTypeId, signIn, type Caller } from './request-helpers';

/**
 * Issue 13, "a forecast to target": `GET /api/reports/forecast` on a small quarter built by hand,
 * every figure worked out below from the entries and estimates the test writes (the rule itself:
 * packages/shared/src/forecast.ts).
 *
 * Today is Wednesday 2 Dec 2026 (UTC, the company zone); Q4 runs 1 Oct – 31 Dec, Christmas is a
 * holiday, the target 40 %. Working days after today: 3–4 Dec (2), 7–18 Dec (10), 21–24 Dec (4),
 * 28–31 Dec (4) = 20 → 4 weeks left. Run-rate weeks: 2, 9, 16 and 23 Nov.
 *
 * Logged (minutes):        research (strategic)  banner (tactical)  unclassified
 *   2 Sep (before Q4)                                  1000
 *   5 Oct                        600                   1200               200
 *   3 Nov                        300                    700                     week share 0.3
 *  10 Nov                        500                    500                     0.5
 *  17 Nov                        200                    800                     0.2
 *  24 Nov                        500                    500                     0.5
 *   2 Dec                                               300
 * So far: S 2100, T 4000, U 200 = 6300 → share 1/3. Run rate: S 1500/4 = 375, T 2500/4 = 625 a week (mix 0.375).
 * Committed (open, estimate − logged, dated by quarter end or undated):
 *   research: 2600 − 2100 = 500 S (planned 15 Dec); banner: 4000 − 5000 → 0; a second banner 600 T
 *   (no planned or needed-by date; its expected-by is in September); the unclassified one 300 − 200 = 100 U
 *   (needed by 31 Dec). Out: a banner planned for 11 Jan 2027 (900), a declined research request (1000).
 *   → S 500, T 600, U 100 = 1200.
 * Fill: 1000 × 4 − 1200 = 2800 → S 1050, T 1750. Projected S 2100 + 500 + 1050 = 3650 of 6300 + 1200 + 2800 = 10300.
 * Range: fill at 0.2 → 2600 + 560 = 3160; at 0.5 → 2600 + 1400 = 4000 (of 10300).
 * Needed: (0.4 × 10300 − 3650) / 4 = 470 / 4 = 117.5 → 118 a week; handed back 10300 − 3650 / 0.4 = 1175.
 */

function movableClock(start: string) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t++),
    set: (iso: string) => {
      t = new Date(iso).getTime();
    },
  };
}

let t: TestApp;
let lead: Caller;
let marketer: Caller;
let sales: Caller;
let exec: Caller;
const clock = movableClock('2026-09-01T10:00:00.000Z');

async function signInAll() {
  lead = await signIn(t, 'cmo@example.com');
  marketer = await signIn(t, 'max@example.com');
  sales = await signIn(t, 'sam@example.com');
  exec = await signIn(t, 'elena@example.com');
}

async function log(id: number, date: string, minutes: number) {
  ok(await marketer.post(`/api/requests/${id}/time-entries`, { minutes, date }), 201);
}

async function plan(id: number, fields: { estimateMinutes: number; plannedFor?: string }) {
  const { version } = await getRequest(marketer, id);
  ok(await marketer.patch(`/api/requests/${id}`, { version, ...fields }));
}

const forecast = async (caller: Caller, query = '') => ok<Forecast>(await caller.get(`/api/reports/forecast${query}`));

beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline', now: clock.now });
  await addUser(t, 'cmo@example.com', 'lead', 'Marketing');
  await addUser(t, 'max@example.com', 'marketer', 'Marketing');
  await addUser(t, 'sam@example.com', 'requester', 'Sales');
  await addUser(t, 'elena@example.com', 'requester', 'Executive');
  t.app.db.update(users).set({ canViewInsights: true }).where(eq(users.email, 'elena@example.com')).run();
  await signInAll();
  ok(await lead.put('/api/settings/targets/2026-10-01', { strategicShare: 0.4 }));
  ok(await lead.put('/api/settings/holidays', { items: [{ date: '2026-12-25', name: 'Christmas Day' }] }));

  const research = await requestTypeId(lead, 'Market research');
  const banner = await requestTypeId(lead, 'Event banner');
  const file = async (title: string, typeId: number, extra: Record<string, unknown> = {}) =>
    (await fileRequest(sales, { title, typeId, ...extra })).id;
  const strategic = await file('Forecast: pricing research', research);
  const tactical = await file('Forecast: trade-show banner', banner);
  const unclassified = await file('Forecast: something unsorted', banner, { dueDate: '2026-12-31' });
  const undated = await file('Forecast: webinar banner', banner);
  const nextQuarter = await file('Forecast: January banner', banner);
  const declined = await file('Forecast: declined research', research);
  await classify(marketer, strategic, 'strategic');
  for (const id of [tactical, undated, nextQuarter]) await classify(marketer, id, 'tactical');
  await classify(marketer, declined, 'strategic');

  await plan(strategic, { estimateMinutes: 2600, plannedFor: '2026-12-15' });
  await plan(tactical, { estimateMinutes: 4000 });
  await plan(unclassified, { estimateMinutes: 300 });
  await plan(undated, { estimateMinutes: 600 });
  await plan(nextQuarter, { estimateMinutes: 900, plannedFor: '2027-01-11' });
  await plan(declined, { estimateMinutes: 1000 });
  await moveTo(marketer, declined, 'declined');

  clock.set('2026-12-02T15:00:00.000Z');
  await signInAll();
  await log(tactical, '2026-09-02', 1000);
  await log(strategic, '2026-10-05', 600);
  await log(tactical, '2026-10-05', 1200);
  await log(unclassified, '2026-10-05', 200);
  for (const [date, s, tac] of [
    ['2026-11-03', 300, 700],
    ['2026-11-10', 500, 500],
    ['2026-11-17', 200, 800],
    ['2026-11-24', 500, 500],
  ] as const) {
    await log(strategic, date, s);
    await log(tactical, date, tac);
  }
  await log(tactical, '2026-12-02', 300);
});
afterAll(() => t.app.close());

describe('the forecast to target', () => {
  it('projects the current quarter from logged time, committed estimates and the run rate, and says what closes the gap', async () => {
    const f = await forecast(lead);
    expect(f).toEqual({
      quarter: '2026-Q4',
      target: 0.4,
      shareSoFar: expect.closeTo(2100 / 6300, 10),
      projectedShare: expect.closeTo(3650 / 10300, 10),
      projectedLow: expect.closeTo(3160 / 10300, 10),
      projectedHigh: expect.closeTo(4000 / 10300, 10),
      neededStrategicMinutesPerWeek: 118,
      neededTacticalMinutesHandedBack: 1175,
      weeksLeft: 4,
    });
    expect(await forecast(lead, '?quarter=2026-Q4')).toEqual(f);
  });

  it('answers insights readers alike and refuses marketers and requesters', async () => {
    expect(await forecast(exec)).toEqual(await forecast(lead));
    expectProblem(await marketer.get('/api/reports/forecast'), 403);
    expectProblem(await sales.get('/api/reports/forecast'), 403);
  });

  it('answers an earlier quarter with its outcome: nothing committed, no week left', async () => {
    // Q3 holds only the 1000 tactical minutes of 2 Sep and has no target.
    expect(await forecast(lead, '?quarter=2026-Q3')).toEqual({
      quarter: '2026-Q3',
      target: null,
      shareSoFar: 0,
      projectedShare: 0,
      projectedLow: 0,
      projectedHigh: 0,
      neededStrategicMinutesPerWeek: 0,
      neededTacticalMinutesHandedBack: 0,
      weeksLeft: 0,
    });
  });

  it.each([['2026-Q5'], ['2026Q4'], ['1999-Q4'], ['2100-Q1'], ['2027-Q1'], ['']])(
    'a quarter of %j is a 400 naming quarter',
    async (quarter) => {
      const body = expectProblem(await lead.get(`/api/reports/forecast?quarter=${encodeURIComponent(quarter)}`), 400);
      expect(body.errors?.map((e: { path: string }) => e.path)).toEqual(['quarter']);
    },
  );

  it('puts the shortfall among the ranked insights, with its figures', async () => {
    const { items } = ok<InsightList>(await lead.get('/api/reports/insights'));
    const insight = items.find((i) => i.id === 'forecast-misses-target');
    // 40 − 35 (35.4 %) = 5 points; 118 min = 1.97 h → "2 h"; 1175 min = 19.6 h → "20 h"; 30.7 % → 31, 38.8 % → 39.
    expect(insight?.text).toBe(
      'Projected to miss the target by 5 points: +2 h strategic a week closes it. ' +
        '2026-Q4 is heading for 35 % (31–39 %) against 40 %, with 4 weeks left; handing back 20 h of tactical work would close it too.',
    );
    expect(insight?.figures).toMatchObject({ gapPoints: 5, neededStrategicMinutesPerWeek: 118, neededTacticalMinutesHandedBack: 1175 });
    expect(insight?.link).toMatch(/#forecast$/);
  });
});
