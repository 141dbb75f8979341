import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timesheet } from '@altitude/shared/timesheet';
import { holidays, timeEntries, users } from '../src/db/schema';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, classify, fileRequest, ok, requestTypeId, signIn, tickingClock, type Caller } from './request-helpers';

/*
 * Issue 11, "a week timesheet for each marketer": GET /api/timesheet?week=&userId= answers one
 * person's Monday..Sunday week. Every expected figure below is worked out by hand from the
 * entries this file inserts, never read from the code under test.
 *
 * The part-time marketer works 1200 minutes a week: 240 a day, Monday to Friday. The week of
 * Monday 2026-11-09 has a company holiday on Wednesday 2026-11-11, so 4 working days: 960.
 * Their entries that week: Mon A 90 + B 30, Wed (the holiday) C 45, Sun A 60 = 225 logged;
 * strategic (A) 150, tactical (B) 30, unclassified (C, its class only suggested) 45; gap 735.
 * Outside it: Sun 2026-11-08 (the week before) B 120, Mon 2026-11-16 (the week after) A 15,
 * and a colleague's 200 on A on Mon 2026-11-09.
 */

let t: TestApp;
let part: Caller; // the part-time marketer
let full: Caller; // a full-time marketer (2400 a week)
let lead: Caller;
let sales: Caller;
let exec: Caller; // a requester granted Insights: still no timesheet
const ids = { a: 0, b: 0, c: 0 };
const entry: Record<string, number> = {};

const insertEntry = (userId: number, requestId: number, date: string, minutes: number, note = '') =>
  t.app.db
    .insert(timeEntries)
    .values({ userId, requestId, date, minutes, note, createdAt: `${date}T09:00:00.000Z` })
    .returning()
    .get().id;
const sheet = async (caller: Caller, query: string) => ok<Timesheet>(await caller.get(`/api/timesheet${query}`));

beforeAll(async () => {
  // Sunday 2026-11-22, 20:00 UTC: Monday morning in Auckland (UTC+13), for the time-zone case.
  t = await createTestApp({ seed: 'baseline', now: tickingClock(new Date('2026-11-22T20:00:00.000Z')) });
  await addUser(t, 'lead@example.com', 'lead', 'Marketing');
  await addUser(t, 'part@example.com', 'marketer', 'Marketing');
  await addUser(t, 'full@example.com', 'marketer', 'Marketing');
  await addUser(t, 'sales@example.com', 'requester', 'Sales');
  await addUser(t, 'exec@example.com', 'requester', 'Executive');
  t.app.db.update(users).set({ weeklyMinutes: 1200 }).where(eq(users.email, 'part@example.com')).run();
  t.app.db.update(users).set({ canViewInsights: true }).where(eq(users.email, 'exec@example.com')).run();
  lead = await signIn(t, 'lead@example.com');
  part = await signIn(t, 'part@example.com');
  full = await signIn(t, 'full@example.com');
  sales = await signIn(t, 'sales@example.com');
  exec = await signIn(t, 'exec@example.com');

  const typeId = await requestTypeId(sales, 'Event banner');
  ids.a = (await fileRequest(sales, { title: 'Launch plan for the partner programme', typeId })).id;
  ids.b = (await fileRequest(sales, { title: 'Banner for the Lyon fair', typeId })).id;
  ids.c = (await fileRequest(sales, { title: 'Not yet triaged', typeId })).id;
  await classify(lead, ids.a, 'strategic', 'Opens a new partner channel');
  await classify(lead, ids.b, 'tactical');
  t.app.db.insert(holidays).values({ date: '2026-11-11', name: 'Armistice Day' }).run();

  const p = part.user.id;
  entry.monA = insertEntry(p, ids.a, '2026-11-09', 90, 'Outline');
  entry.monB = insertEntry(p, ids.b, '2026-11-09', 30);
  entry.wedC = insertEntry(p, ids.c, '2026-11-11', 45);
  entry.sunA = insertEntry(p, ids.a, '2026-11-15', 60);
  insertEntry(p, ids.b, '2026-11-08', 120);
  insertEntry(p, ids.a, '2026-11-16', 15);
  insertEntry(full.user.id, ids.a, '2026-11-09', 200);
});
afterAll(() => t.app.close());

describe('the week timesheet', () => {
  it("answers the part-time marketer's week: holiday, totals per day and class, the gap", async () => {
    const week = await sheet(part, '?week=2026-11-11');
    expect(week).toMatchObject({
      userId: part.user.id,
      from: '2026-11-09',
      to: '2026-11-15',
      availableMinutes: 4 * 240,
      loggedMinutes: 225,
      gapMinutes: 960 - 225,
      classes: { strategic: 150, tactical: 30, unclassified: 45 },
      holidays: [{ date: '2026-11-11', name: 'Armistice Day' }],
    });
    expect(week.days).toEqual([
      { date: '2026-11-09', loggedMinutes: 120, availableMinutes: 240, holiday: null },
      { date: '2026-11-10', loggedMinutes: 0, availableMinutes: 240, holiday: null },
      { date: '2026-11-11', loggedMinutes: 45, availableMinutes: 0, holiday: 'Armistice Day' },
      { date: '2026-11-12', loggedMinutes: 0, availableMinutes: 240, holiday: null },
      { date: '2026-11-13', loggedMinutes: 0, availableMinutes: 240, holiday: null },
      { date: '2026-11-14', loggedMinutes: 0, availableMinutes: 0, holiday: null },
      { date: '2026-11-15', loggedMinutes: 60, availableMinutes: 0, holiday: null },
    ]);
    expect(week.entries.map((e) => e.id)).toEqual([entry.monA, entry.monB, entry.wedC, entry.sunA]);
    expect(week.entries[0]).toEqual({
      id: entry.monA,
      requestId: ids.a,
      userId: part.user.id,
      minutes: 90,
      date: '2026-11-09',
      note: 'Outline',
      version: 1,
      createdAt: '2026-11-09T09:00:00.000Z',
      requestKey: `MKT-${ids.a}`,
      requestTitle: 'Launch plan for the partner programme',
      classification: 'strategic',
    });
    expect(week.entries.map((e) => e.classification)).toEqual(['strategic', 'tactical', 'unclassified', 'strategic']);
  });

  it('reads the week holding any day: its Sunday and its Monday give the same week, the next Monday the next', async () => {
    const wednesday = await sheet(part, '?week=2026-11-11');
    expect(await sheet(part, '?week=2026-11-15')).toEqual(wednesday);
    expect(await sheet(part, '?week=2026-11-09')).toEqual(wednesday);
    const next = await sheet(part, '?week=2026-11-16');
    expect(next).toMatchObject({ from: '2026-11-16', to: '2026-11-22', loggedMinutes: 15, availableMinutes: 1200, gapMinutes: 1185 });
    const before = await sheet(part, '?week=2026-11-08');
    expect(before).toMatchObject({ from: '2026-11-02', to: '2026-11-08', loggedMinutes: 120, classes: { tactical: 120 } });
  });

  it('spans the turn of the year: 2026-12-28..2027-01-03, New Year a holiday, neighbours left out', async () => {
    t.app.db.insert(holidays).values({ date: '2027-01-01', name: "New Year's Day" }).run();
    const f = full.user.id;
    insertEntry(f, ids.a, '2026-12-27', 10); // Sunday before
    insertEntry(f, ids.a, '2026-12-31', 120);
    insertEntry(f, ids.b, '2027-01-03', 30);
    insertEntry(f, ids.b, '2027-01-04', 20); // Monday after
    for (const day of ['2027-01-01', '2026-12-28', '2027-01-03']) {
      const week = await sheet(full, `?week=${day}`);
      // Full time: 480 a day on Mon 28, Tue 29, Wed 30, Thu 31 (Friday is New Year).
      expect(week).toMatchObject({ from: '2026-12-28', to: '2027-01-03', availableMinutes: 4 * 480, loggedMinutes: 150, gapMinutes: 1770 });
      expect(week.days.map((d) => d.date)).toEqual([
        '2026-12-28',
        '2026-12-29',
        '2026-12-30',
        '2026-12-31',
        '2027-01-01',
        '2027-01-02',
        '2027-01-03',
      ]);
      expect(week.days.map((d) => d.availableMinutes)).toEqual([480, 480, 480, 480, 0, 0, 0]);
    }
  });

  it("defaults to this week in the company's time zone", async () => {
    // 2026-11-22T20:00Z is Sunday in UTC (week of the 16th) ...
    expect(await sheet(part, '')).toMatchObject({ from: '2026-11-16', to: '2026-11-22', loggedMinutes: 15 });
    // ... and already Monday the 23rd in Auckland.
    ok(await lead.put('/api/settings/company', { timezone: 'Pacific/Auckland' }));
    try {
      expect(await sheet(part, '')).toMatchObject({ from: '2026-11-23', to: '2026-11-29', loggedMinutes: 0, availableMinutes: 1200 });
    } finally {
      ok(await lead.put('/api/settings/company', { timezone: 'UTC' }));
    }
  });
});

describe('who may read whose timesheet', () => {
  it('a marketer reads their own week, with or without their id', async () => {
    expect(await sheet(part, `?week=2026-11-11&userId=${part.user.id}`)).toEqual(await sheet(part, '?week=2026-11-11'));
  });

  it("a marketer asking for someone else's week gets 403 naming userId, whether that person exists or not", async () => {
    for (const other of [full.user.id, lead.user.id, 987_654]) {
      const body = expectProblem(await part.get(`/api/timesheet?week=2026-11-11&userId=${other}`), 403);
      expect(body.errors).toEqual([{ path: 'userId', message: expect.any(String) }]);
    }
  });

  it("a lead reads anyone's week, exactly as its owner does; an unknown person is 404", async () => {
    expect(await sheet(lead, `?week=2026-11-11&userId=${part.user.id}`)).toEqual(await sheet(part, '?week=2026-11-11'));
    expect(await sheet(lead, '?week=2026-11-11')).toMatchObject({ userId: lead.user.id, loggedMinutes: 0, availableMinutes: 4 * 480 });
    expectProblem(await lead.get('/api/timesheet?week=2026-11-11&userId=987654'), 404);
  });

  it('requesters get 403, one granted Insights too, even for their own id; nobody signed in gets 401', async () => {
    for (const caller of [sales, exec]) {
      expectProblem(await caller.get('/api/timesheet'), 403);
      expectProblem(await caller.get(`/api/timesheet?userId=${caller.user.id}`), 403);
    }
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/timesheet' }), 401);
  });
});

describe('bad input', () => {
  it.each(['2026-02-30', '2026-1-5', 'next', '2026-11-11T00:00:00Z', '1999-12-31', '2100-01-01', ''])(
    'week=%j is a 400 naming week',
    async (week) => {
      const body = expectProblem(await part.get(`/api/timesheet?week=${encodeURIComponent(week)}`), 400);
      expect(body.errors).toEqual([{ path: 'week', message: expect.any(String) }]);
    },
  );

  it.each(['abc', '1.5', '-3', '0', '0x10', '1e3', '99999999999999999999'])('userId=%j is a 400 naming userId', async (userId) => {
    const body = expectProblem(await lead.get(`/api/timesheet?userId=${encodeURIComponent(userId)}`), 400);
    expect(body.errors).toEqual([{ path: 'userId', message: expect.any(String) }]);
  });
});
