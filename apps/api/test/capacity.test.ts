import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capacity, CapacityPerson } from '@altitude/shared/capacity';
import { holidays, requests, timeEntries, users } from '../src/db/schema';
import { capacityFor } from '../src/modules/capacity/capacity.service';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, fileRequest, ok, requestTypeId, signIn, tickingClock, type Caller } from './request-helpers';

/*
 * Issue 13, "a Capacity view (marketers and leads) shows each marketer × the next six weeks":
 * GET /api/capacity on a small team built here, on a clock pinned to Wednesday 2 Dec 2026 (UTC).
 * Every expected figure is worked out by hand below, never read from the code under test.
 *
 * Calendar: Mon 30 Nov, Mon 7 Dec and Mon 14 Dec 2026 start the three weeks asked for. Tuesday
 * 8 Dec is a company holiday. Today is Wednesday, so the first week keeps Wed 2, Thu 3, Fri 4
 * (3 days); the second Mon 7, Wed 9, Thu 10, Fri 11 (4 days); the third Mon 14..Fri 18 (5 days).
 *
 * Full (marketer, 40 h = 2400 a week, 480 a day; reserve 10 h = 600 a week, 120 a day):
 *   available 1440 / 1920 / 2400, reserve 360 / 480 / 600.
 *   F1 strategic, estimate 900 with 300 logged: 600 left, planned for Fri 11 Dec. Working days from
 *      today: Wed 2, Thu 3, Fri 4, Mon 7, Wed 9, Thu 10, Fri 11 = 7; 600 / 7 = 85 rem 5, so the
 *      first five take 86: week 1 = 3 × 86 = 258, week 2 = 86 + 86 + 85 + 85 = 342.
 *   F2 tactical, estimate 1500, no planned date, needed by Fri 4 Dec: 3 days × 500 = 1500 in week 1.
 *   F3 tactical, estimate 120, planned for Wed 25 Nov (overdue): all 120 today, week 1.
 *   F4 tactical, no estimate, planned for 15 Dec: counted as nothing, one "without an estimate".
 *   F5 unclassified (its class only suggested), estimate 240, planned for Mon 14 Dec:
 *      Wed 2 .. Mon 14 has 8 working days (the holiday skipped), 30 each: 90 / 120 / 30.
 *   F6 strategic, estimate 3000, planned for Fri 29 Jan 2027: Wed 2 Dec .. Fri 29 Jan holds 43
 *      weekdays, less the holiday = 42; 3000 / 42 = 71 rem 18, so the first 18 days take 72:
 *      weeks 1–3 are days 1–12, all 72: 216 / 288 / 360.
 *   F7 done (closed): not committed, even with an estimate.
 *   Strategic 474 / 630 / 360, tactical 1620 / 0 / 0, unclassified 90 / 120 / 30.
 *   Week 1: 2184 committed against 1440: over by 744.
 * Part (marketer, 20 h = 1200 a week, 240 a day; reserve 8 h = 480, 96 a day):
 *   available 720 / 960 / 1200, reserve 288 / 384 / 480.
 *   P1 tactical, estimate 1200, planned for Thu 10 Dec: Wed 2, Thu 3, Fri 4, Mon 7, Wed 9, Thu 10
 *      = 6 days × 200: 600 / 600 / 0. Week 2: room outside the reserve is 960 − 384 = 576, so the
 *      600 takes 24 of the reserve without being over (600 ≤ 960).
 * Lead (2400, no reserve, nothing assigned): 1440 / 1920 / 2400 free.
 * Gone (an inactive marketer) and the requesters are not planned for.
 */

let t: TestApp;
let lead: Caller;
let full: Caller;
let sales: Caller;
let exec: Caller;
const userId: Record<string, number> = {};

const capacity = async (caller: Caller, query = '?from=2026-11-30&weeks=3') => ok<Capacity>(await caller.get(`/api/capacity${query}`));
const person = (c: Capacity, email: string): CapacityPerson => {
  const p = c.people.find((x) => x.userId === userId[email]);
  if (!p) throw new Error(`${email} is not in the answer`);
  return p;
};
const week = (w: string, available: number, reserve: number, strategic: number, tactical: number, unclassified: number) => ({
  week: w,
  availableMinutes: available,
  reserveMinutes: reserve,
  committedStrategicMinutes: strategic,
  committedTacticalMinutes: tactical,
  committedUnclassifiedMinutes: unclassified,
});

beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline', now: tickingClock(new Date('2026-12-02T10:00:00.000Z')) });
  await addUser(t, 'lead@example.com', 'lead', 'Marketing');
  await addUser(t, 'full@example.com', 'marketer', 'Marketing');
  await addUser(t, 'part@example.com', 'marketer', 'Marketing');
  await addUser(t, 'gone@example.com', 'marketer', 'Marketing');
  await addUser(t, 'sales@example.com', 'requester', 'Sales');
  await addUser(t, 'exec@example.com', 'requester', 'Executive');
  for (const u of t.app.db.select().from(users).all()) userId[u.email] = u.id;
  const db = t.app.db;
  db.update(users).set({ strategicReserveMinutes: 600 }).where(eq(users.email, 'full@example.com')).run();
  db.update(users).set({ weeklyMinutes: 1200, strategicReserveMinutes: 480 }).where(eq(users.email, 'part@example.com')).run();
  db.update(users).set({ active: false }).where(eq(users.email, 'gone@example.com')).run();
  db.update(users).set({ canViewInsights: true }).where(eq(users.email, 'exec@example.com')).run();
  db.insert(holidays).values({ date: '2026-12-08', name: 'Staff day' }).run();
  lead = await signIn(t, 'lead@example.com');
  full = await signIn(t, 'full@example.com');
  sales = await signIn(t, 'sales@example.com');
  exec = await signIn(t, 'exec@example.com');

  const typeId = await requestTypeId(sales, 'Event banner');
  const file = async (
    title: string,
    assignee: string,
    set: Partial<typeof requests.$inferInsert> & { classification?: 'strategic' | 'tactical' | null },
  ): Promise<number> => {
    const { id } = await fileRequest(sales, { title, typeId });
    const classified = set.classification !== undefined && set.classification !== null;
    db.update(requests)
      .set({
        assigneeId: userId[assignee],
        classificationSuggested: !classified,
        plannedFor: null,
        dueDate: null,
        expectedBy: null,
        ...set,
      })
      .where(eq(requests.id, id))
      .run();
    return id;
  };
  const f1 = await file('F1 brand platform', 'full@example.com', {
    classification: 'strategic',
    estimateMinutes: 900,
    plannedFor: '2026-12-11',
  });
  db.insert(timeEntries)
    .values({
      requestId: f1,
      userId: userId['full@example.com']!,
      minutes: 300,
      date: '2026-12-01',
      note: '',
      createdAt: '2026-12-01T09:00:00.000Z',
    })
    .run();
  await file('F2 fair banner', 'full@example.com', { classification: 'tactical', estimateMinutes: 1500, dueDate: '2026-12-04' });
  await file('F3 late flyer', 'full@example.com', { classification: 'tactical', estimateMinutes: 120, plannedFor: '2026-11-25' });
  await file('F4 unestimated', 'full@example.com', { classification: 'tactical', plannedFor: '2026-12-15' });
  await file('F5 in intake', 'full@example.com', {
    classification: 'tactical',
    classificationSuggested: true,
    estimateMinutes: 240,
    plannedFor: '2026-12-14',
  });
  await file('F6 partner programme', 'full@example.com', { classification: 'strategic', estimateMinutes: 3000, plannedFor: '2027-01-29' });
  await file('F7 delivered', 'full@example.com', {
    status: 'done',
    resolution: 'delivered',
    classification: 'tactical',
    estimateMinutes: 600,
    plannedFor: '2026-12-09',
  });
  await file('P1 newsletter', 'part@example.com', { classification: 'tactical', estimateMinutes: 1200, plannedFor: '2026-12-10' });
  // Work of someone no longer active is not anyone's load.
  await file('G1 left behind', 'gone@example.com', { classification: 'tactical', estimateMinutes: 600, plannedFor: '2026-12-09' });
});
afterAll(() => t.app.close());

describe('the capacity view', () => {
  it('answers each planned person’s weeks: holiday, part-time, reserve, committed load by class', async () => {
    const c = await capacity(lead);
    expect(c.weeks).toEqual(['2026-11-30', '2026-12-07', '2026-12-14']);
    // Active marketers and leads only, by name: no requesters, not the inactive marketer.
    expect(c.people.map((p) => p.name)).toEqual(['full', 'lead', 'part']);
    expect(person(c, 'full@example.com')).toEqual({
      userId: userId['full@example.com'],
      name: 'full',
      unestimatedCount: 1,
      weeks: [
        week('2026-11-30', 1440, 360, 474, 1620, 90),
        week('2026-12-07', 1920, 480, 630, 0, 120),
        week('2026-12-14', 2400, 600, 360, 0, 30),
      ],
    });
    expect(person(c, 'part@example.com')).toEqual({
      userId: userId['part@example.com'],
      name: 'part',
      unestimatedCount: 0,
      weeks: [week('2026-11-30', 720, 288, 0, 600, 0), week('2026-12-07', 960, 384, 0, 600, 0), week('2026-12-14', 1200, 480, 0, 0, 0)],
    });
    expect(person(c, 'lead@example.com').weeks).toEqual([
      week('2026-11-30', 1440, 0, 0, 0, 0),
      week('2026-12-07', 1920, 0, 0, 0, 0),
      week('2026-12-14', 2400, 0, 0, 0, 0),
    ]);
  });

  it('reads any day as its week, six weeks by default, and gives weeks already past no time', async () => {
    const fromWednesday = await capacity(full, '?from=2026-12-09&weeks=1');
    expect(fromWednesday.weeks).toEqual(['2026-12-07']);
    expect(person(fromWednesday, 'part@example.com').weeks).toEqual([week('2026-12-07', 960, 384, 0, 600, 0)]);
    const byDefault = await capacity(full, '');
    expect(byDefault.weeks).toEqual(['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04']);
    // F6's days 13–17 fall in the week of 21 Dec, 18–22 in that of 28 Dec (day 18, Mon 28, is the last
    // to take 72), 23–27 in that of 4 Jan: 5 × 72, 72 + 4 × 71, 5 × 71.
    expect(person(byDefault, 'full@example.com').weeks.slice(3)).toEqual([
      week('2026-12-21', 2400, 600, 360, 0, 0),
      week('2026-12-28', 2400, 600, 356, 0, 0),
      week('2027-01-04', 2400, 600, 355, 0, 0),
    ]);
    const past = await capacity(full, '?from=2026-11-23&weeks=2');
    expect(person(past, 'full@example.com').weeks[0]).toEqual(week('2026-11-23', 0, 0, 0, 0, 0));
    expect(person(past, 'full@example.com').weeks[1]).toEqual(week('2026-11-30', 1440, 360, 474, 1620, 90));
  });

  it('answers what-ifs for the trade-off: some people only, a request left out, a commitment added', () => {
    const p1 = t.app.db.select({ id: requests.id }).from(requests).where(eq(requests.title, 'P1 newsletter')).get()!.id;
    const part = userId['part@example.com']!;
    // 300 more tactical minutes for Part due Fri 4 Dec: Wed, Thu, Fri × 100, all in the first week.
    const extra = [{ assigneeId: part, remainingMinutes: 300, reportClass: 'tactical' as const, until: '2026-12-04' }];
    const withExtra = capacityFor(t.app.db, t.app.clock(), { from: '2026-11-30', weeks: 3, userIds: [part], extra });
    expect(withExtra.people.map((p) => p.name)).toEqual(['part']);
    expect(withExtra.people[0]!.weeks.map((w) => w.committedTacticalMinutes)).toEqual([900, 600, 0]);
    const without = capacityFor(t.app.db, t.app.clock(), { from: '2026-11-30', weeks: 3, userIds: [part], excludeRequestIds: [p1], extra });
    expect(without.people[0]!.weeks.map((w) => w.committedTacticalMinutes)).toEqual([300, 0, 0]);
    expect(capacityFor(t.app.db, t.app.clock(), { weeks: 1, userIds: [] }).people).toEqual([]);
  });

  it('moves with the work: logging time, finishing or reassigning a request changes the weeks', async () => {
    const p1 = t.app.db.select({ id: requests.id }).from(requests).where(eq(requests.title, 'P1 newsletter')).get()!.id;
    t.app.db
      .insert(timeEntries)
      .values({
        requestId: p1,
        userId: userId['part@example.com']!,
        minutes: 600,
        date: '2026-12-01',
        note: '',
        createdAt: '2026-12-02T09:00:00.000Z',
      })
      .run();
    // 600 left over the same 6 days: 100 each, 300 / 300.
    const after = await capacity(lead);
    expect(person(after, 'part@example.com').weeks.map((w) => w.committedTacticalMinutes)).toEqual([300, 300, 0]);
    t.app.db.update(requests).set({ assigneeId: userId['lead@example.com'] }).where(eq(requests.id, p1)).run();
    const moved = await capacity(lead);
    expect(person(moved, 'part@example.com').weeks.map((w) => w.committedTacticalMinutes)).toEqual([0, 0, 0]);
    expect(person(moved, 'lead@example.com').weeks.map((w) => w.committedTacticalMinutes)).toEqual([300, 300, 0]);
  });
});

describe('who may read it and what it refuses', () => {
  it('refuses requesters, even one granted Insights', async () => {
    expectProblem(await sales.get('/api/capacity'), 403);
    expectProblem(await exec.get('/api/capacity'), 403);
  });

  it.each([
    ['?from=2026-13-01', 'from'],
    ['?from=1999-12-27', 'from'],
    ['?from=monday', 'from'],
    ['?weeks=0', 'weeks'],
    ['?weeks=27', 'weeks'],
    ['?weeks=2.5', 'weeks'],
    ['?weeks=six', 'weeks'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const problem = expectProblem(await lead.get(`/api/capacity${query}`), 400);
    expect(problem.errors?.map((e) => e.path)).toContain(field);
  });
});
