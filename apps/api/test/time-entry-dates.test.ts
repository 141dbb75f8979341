import { and, eq, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../src/db/schema';
import type { TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  createDemoApp,
  fileRequest,
  getRequest,
  moveTo,
  ok,
  requestTypeId,
  rowCounts,
  signInDemoAccounts,
  type DemoCallers,
} from './request-helpers';

/*
 * Item 15 of issue 9: time is logged on a date between the day the request was filed and today
 * (both in the company's time zone), and, on a closed request, no later than the day it closed.
 * Outside that: 422 naming `date`, nothing stored. Dates outside 2000–2099 are a 400 before that.
 */

const today = '2026-11-20'; // the demo app's clock
const dayMs = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

let t: TestApp;
let as: DemoCallers;
let typeId: number;
beforeAll(async () => {
  t = await createDemoApp();
  as = await signInDemoAccounts(t);
  typeId = await requestTypeId(as.marketer, 'Event banner');
});
afterAll(() => t.app.close());

const log = (id: number, date: string) => as.marketer.post(`/api/requests/${id}/time-entries`, { minutes: 30, date });

/** Asserts a refusal naming `date` that stored nothing, and returns the problem. */
async function refused(id: number, date: string, status: number) {
  const before = rowCounts(t);
  const logged = (await getRequest(as.marketer, id)).loggedMinutes;
  const body = expectProblem(await log(id, date), status);
  expect(body.errors).toEqual([{ path: 'date', message: expect.any(String) }]);
  expect(body.detail).toContain('date');
  expect(rowCounts(t)).toEqual(before);
  expect((await getRequest(as.marketer, id)).loggedMinutes).toBe(logged);
  return body;
}

/** A demo request in `status`, closed on a day before yesterday, with that day (UTC: the demo's zone). */
function closedEarlier(status: 'done' | 'declined'): { id: number; closedOn: string; filedOn: string } {
  const row = t.app.db
    .select({ id: requests.id, completedAt: requests.completedAt, createdAt: requests.createdAt })
    .from(requests)
    .where(
      and(
        eq(requests.status, status),
        lt(requests.completedAt, `${shift(today, -3)}T00:00:00.000Z`),
        sql`date(${requests.completedAt}) > date(${requests.createdAt})`,
      ),
    )
    .get()!;
  return { id: row.id, closedOn: row.completedAt!.slice(0, 10), filedOn: row.createdAt.slice(0, 10) };
}

describe('the date of a time entry', () => {
  it('on a request filed today: today is accepted, yesterday is before it was filed, tomorrow is the future', async () => {
    const filed = await fileRequest(as.sales, { title: 'Filed today', typeId });
    expect(filed.createdAt.slice(0, 10)).toBe(today);
    const before = await refused(filed.id, shift(today, -1), 422);
    expect(before.code).toBe('time_entry.before_filed');
    expect(before.errors![0]!.message).toBe(`must be between ${today} (filed) and ${today} (today)`);
    expect((await refused(filed.id, shift(today, 1), 422)).code).toBe('time_entry.future_date');
    expect(ok(await log(filed.id, today), 201)).toMatchObject({ date: today, minutes: 30 });
  });

  it('on an older open request: from its filing day to today, both included', async () => {
    const row = t.app.db
      .select()
      .from(requests)
      .where(and(eq(requests.status, 'in_progress'), lt(requests.createdAt, '2026-10-01')))
      .get()!;
    const filedOn = row.createdAt.slice(0, 10);
    expect((await refused(row.id, shift(filedOn, -1), 422)).code).toBe('time_entry.before_filed');
    expect((await refused(row.id, '2000-01-01', 422)).code).toBe('time_entry.before_filed');
    ok(await log(row.id, filedOn), 201);
    ok(await log(row.id, shift(filedOn, 1)), 201);
    ok(await log(row.id, today), 201);
  });

  it.each(['declined', 'done'] as const)('on a request %s days ago: up to the day it closed, not after', async (status) => {
    const { id, closedOn, filedOn } = closedEarlier(status);
    const after = await refused(id, shift(closedOn, 1), 422);
    expect(after.code).toBe('time_entry.after_closed');
    expect(after.errors![0]!.message).toBe(`must be between ${filedOn} (filed) and ${closedOn} (closed)`);
    expect((await refused(id, today, 422)).code).toBe('time_entry.after_closed');
    expect((await refused(id, shift(today, 1), 422)).code).toBe('time_entry.future_date');
    expect((await refused(id, shift(filedOn, -1), 422)).code).toBe('time_entry.before_filed');
    ok(await log(id, closedOn), 201);
    ok(await log(id, filedOn), 201);
  });

  it('a request cancelled or handed back today takes time up to today; reopened, a closed one takes time again', async () => {
    const mine = await fileRequest(as.sales, { title: 'Cancelled today', typeId });
    ok(await as.sales.post(`/api/requests/${mine.id}/cancel`, { version: mine.version }));
    ok(await log(mine.id, today), 201);

    const { id, closedOn } = closedEarlier('done');
    expect((await refused(id, shift(closedOn, 1), 422)).code).toBe('time_entry.after_closed');
    await moveTo(as.marketer, id, 'in_progress');
    ok(await log(id, shift(closedOn, 1)), 201);
    ok(await log(id, today), 201);
  });

  it('dates outside 2000-01-01..2099-12-31 or impossible ones are a 400 naming `date`', async () => {
    const filed = await fileRequest(as.sales, { title: 'Range', typeId });
    for (const date of ['0000-01-01', '1999-12-31', '2100-01-01', '9999-12-31', '-000001-12-01', '+010000-01-01']) {
      expect((await refused(filed.id, date, 400)).errors![0]!.message).toMatch(/2000-01-01 and 2099-12-31|calendar date/);
    }
    expect((await refused(filed.id, '2026-02-30', 400)).errors![0]!.message).toBe('must be a calendar date YYYY-MM-DD');
    expect((await refused(filed.id, '2026-11-31', 400)).errors![0]!.message).toBe('must be a calendar date YYYY-MM-DD');
  });

  it("the filing day is a calendar date in the company's time zone, not in UTC", async () => {
    ok(await as.cmo.put('/api/settings/company', { timezone: 'America/New_York' }));
    try {
      // Filed 2026-11-10 02:00 UTC: still 9 November in New York.
      const id = t.app.db
        .insert(requests)
        .values({
          title: 'Late-night filing',
          typeId,
          departmentId: as.sales.user.departmentId,
          requesterId: as.sales.user.id,
          position: 'zz-tz',
          createdAt: '2026-11-10T02:00:00.000Z',
          updatedAt: '2026-11-10T02:00:00.000Z',
        })
        .returning()
        .get().id;
      expect((await refused(id, '2026-11-08', 422)).code).toBe('time_entry.before_filed');
      ok(await log(id, '2026-11-09'), 201);
    } finally {
      ok(await as.cmo.put('/api/settings/company', { timezone: 'UTC' }));
    }
  });
});
