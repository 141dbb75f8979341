import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@altitude/shared/events';
import type { Request } from '@altitude/shared/requests';
import { createTestApp, demoToday, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { fileRequest, getRequest, ok, requestTypeId, rowCounts, signIn, type Caller } from './request-helpers';
import { dbChecksum } from './route-calls';

/**
 * Correcting and deleting time (issue 11): PATCH and DELETE /api/time-entries/:id. Every expected
 * figure is worked out by hand from the entries each test logs. The clock is the app's own and
 * is moved by the grace-period tests; everything else runs on the demo's last day, 2026-11-20
 * (a Friday), in the demo's time zone, UTC.
 */

type Entry = {
  id: number;
  requestId: number;
  userId: number;
  minutes: number;
  date: string;
  note: string;
  version: number;
  createdAt: string;
};
type Activity = { kind: string; actorId: number; field: string | null; from: string | null; to: string | null };
type Split = { total: { strategicMinutes: number; tacticalMinutes: number; unclassifiedMinutes: number } };
const filedOn = '2026-11-02T09:00:00.000Z'; // a Monday: time can be logged on it from then on

let clock = demoToday.getTime();
/** Moves the app's clock; it still ticks 1 ms per reading so changes keep a strict order. */
const setClock = (iso: string) => (clock = new Date(iso).getTime());

let t: TestApp;
let max: Caller; // marketer@example.com
let nina: Caller; // another marketer
let cmo: Caller;
let typeId: number;
const events: ChangeEvent[] = [];

async function signInAll() {
  max = await signIn(t, 'marketer@example.com');
  nina = await signIn(t, 'nina.marketing@example.com');
  cmo = await signIn(t, 'cmo@example.com');
}

beforeAll(async () => {
  t = await createTestApp({ seed: 'demo', now: () => new Date(clock++) });
  await signInAll();
  typeId = await requestTypeId(cmo, 'Event banner');
  t.app.events.subscribe((e) => events.push(e));
});
afterAll(() => t.app.close());
beforeEach(async () => {
  // Sessions end after 14 days, so a test that moved the clock leaves everyone to sign in again.
  if (clock < demoToday.getTime() || clock > demoToday.getTime() + 3_600_000) {
    setClock(demoToday.toISOString());
    await signInAll();
  }
});

const patch = (caller: Caller, id: number, body: unknown) => caller.patch(`/api/time-entries/${id}`, body);
const del = (caller: Caller, id: number) =>
  t.app.inject({ method: 'DELETE', url: `/api/time-entries/${id}`, headers: { cookie: caller.cookie } });
const log = async (caller: Caller, requestId: number, body: object) =>
  ok<Entry>(await caller.post(`/api/requests/${requestId}/time-entries`, body), 201);
const activityOf = async (id: number) => ok<{ items: Activity[] }>(await cmo.get(`/api/requests/${id}/activity`)).items;
const entriesOf = async (id: number) => ok<{ items: Entry[]; totalMinutes: number }>(await cmo.get(`/api/requests/${id}/time-entries`));
/** The day's minutes by class (the share and the total follow from them). */
async function splitOn(day: string) {
  const { strategicMinutes, tacticalMinutes, unclassifiedMinutes } = ok<Split>(
    await cmo.get(`/api/reports/time-split?from=${day}&to=${day}&groupBy=week`),
  ).total;
  return { strategicMinutes, tacticalMinutes, unclassifiedMinutes };
}
/** A Sales request, filed (as far as time is concerned) on 2 November, so the weeks before today can be logged on. */
async function fresh(title: string): Promise<Request> {
  const request = await fileRequest(await signIn(t, 'sales@example.com'), { title, typeId });
  t.app.db.$client.prepare('update requests set created_at = ? where id = ?').run(filedOn, request.id);
  return request;
}

describe('correcting an entry', () => {
  it('75 minutes corrected to 120: 200 with version 2; the request shows 120 logged and the day 45 more unclassified minutes', async () => {
    const request = await fresh('Banner for the Porto fair');
    const before = await splitOn('2026-11-20');
    const entry = await log(max, request.id, { minutes: 75, note: 'First draft' });
    expect(entry.version).toBe(1);
    const logged = await splitOn('2026-11-20');
    // The request is still in intake, its class unconfirmed: the time counts as unclassified.
    expect(logged.unclassifiedMinutes).toBe(before.unclassifiedMinutes + 75);

    const corrected = ok<Entry>(await patch(max, entry.id, { minutes: 120, version: 1 }));
    expect(corrected).toEqual({ ...entry, minutes: 120, version: 2 });
    expect((await getRequest(cmo, request.id)).loggedMinutes).toBe(120);
    expect(await entriesOf(request.id)).toEqual({ items: [corrected], totalMinutes: 120 });
    const after = await splitOn('2026-11-20');
    expect(after).toEqual({ ...logged, unclassifiedMinutes: logged.unclassifiedMinutes + 45 });
    // The board's card carries the new total too.
    const board = ok<{ columns: { cards: { id: number; loggedMinutes: number }[] }[] }>(await max.get('/api/board'));
    expect(board.columns.flatMap((c) => c.cards).find((c) => c.id === request.id)?.loggedMinutes).toBe(120);
  });

  it('writes the change as activity, old → new, and tells listeners the new total', async () => {
    const request = await fresh('Sales deck refresh');
    const entry = await log(max, request.id, { minutes: 75, date: '2026-11-19' });
    events.length = 0;
    ok(await patch(max, entry.id, { minutes: 120, version: 1 }));
    ok(await patch(max, entry.id, { date: '2026-11-17', note: 'Was Tuesday', version: 2 }));
    ok(await patch(max, entry.id, { note: '', version: 3 }));
    expect((await activityOf(request.id)).slice(-4)).toEqual([
      expect.objectContaining({
        kind: 'time_edited',
        actorId: max.user.id,
        field: 'time',
        from: '1h 15m on 2026-11-19',
        to: '2h on 2026-11-19',
      }),
      expect.objectContaining({
        kind: 'time_edited',
        actorId: max.user.id,
        field: 'time',
        from: '2h on 2026-11-19',
        to: '2h on 2026-11-17',
      }),
      expect.objectContaining({ kind: 'time_edited', actorId: max.user.id, field: 'note', from: null, to: 'Was Tuesday' }),
      expect.objectContaining({ kind: 'time_edited', actorId: max.user.id, field: 'note', from: 'Was Tuesday', to: null }),
    ]);
    expect(events.filter((e) => e.type === 'request.time_logged' && e.requestId === request.id)).toEqual([
      { type: 'request.time_logged', requestId: request.id, loggedMinutes: 120 },
      { type: 'request.time_logged', requestId: request.id, loggedMinutes: 120 },
      { type: 'request.time_logged', requestId: request.id, loggedMinutes: 120 },
    ]);
  });

  it('moving an entry to another week moves its minutes between the weeks of the split', async () => {
    const request = await fresh('Webinar landing page');
    const entry = await log(max, request.id, { minutes: 90, date: '2026-11-20' });
    const [thisWeek, lastWeek] = [await splitOn('2026-11-20'), await splitOn('2026-11-13')];
    ok(await patch(max, entry.id, { date: '2026-11-13', version: 1 }));
    expect(await splitOn('2026-11-20')).toEqual({ ...thisWeek, unclassifiedMinutes: thisWeek.unclassifiedMinutes - 90 });
    expect(await splitOn('2026-11-13')).toEqual({ ...lastWeek, unclassifiedMinutes: lastWeek.unclassifiedMinutes + 90 });
  });

  it('a stale version is a 409 carrying the entry as it now stands, and nothing changes', async () => {
    const request = await fresh('Case study layout');
    const entry = await log(max, request.id, { minutes: 30 });
    const now = ok<Entry>(await patch(cmo, entry.id, { minutes: 45, version: 1 }));
    const checksum = dbChecksum(t.app.db);
    const body = expectProblem(await patch(max, entry.id, { minutes: 60, version: 1 }), 409);
    expect(body.code).toBe('time_entry.version_conflict');
    expect(body.current).toEqual({ ...entry, minutes: 45, version: 2 });
    expect(body.current).toEqual(now);
    expect(dbChecksum(t.app.db)).toBe(checksum);
    expect((await getRequest(cmo, request.id)).loggedMinutes).toBe(45);
  });

  it('sending the values the entry already has changes nothing: same version, no activity', async () => {
    const request = await fresh('Partner one-pager');
    const entry = await log(max, request.id, { minutes: 30, note: 'Copy' });
    const activityBefore = (await activityOf(request.id)).length;
    expect(ok<Entry>(await patch(max, entry.id, { minutes: 30, date: entry.date, note: 'Copy', version: 1 }))).toEqual(entry);
    expect((await activityOf(request.id)).length).toBe(activityBefore);
  });

  it('a lead corrects and deletes anyone’s entry, long after the author could', async () => {
    const request = await fresh('Trade show booth graphics');
    const entry = await log(max, request.id, { minutes: 60, date: '2026-11-16' });
    setClock('2027-01-20T09:00:00.000Z');
    await signInAll();
    expect(expectProblem(await patch(max, entry.id, { minutes: 30, version: 1 }), 403).code).toBe('time_entry.grace_passed');
    expect(ok<Entry>(await patch(cmo, entry.id, { minutes: 30, version: 1 }))).toMatchObject({
      minutes: 30,
      userId: max.user.id,
      version: 2,
    });
    expect((await activityOf(request.id)).at(-1)).toMatchObject({
      kind: 'time_edited',
      actorId: cmo.user.id,
      from: '1h on 2026-11-16',
      to: '30m on 2026-11-16',
    });
    expect((await del(cmo, entry.id)).statusCode).toBe(204);
    expect((await getRequest(cmo, request.id)).loggedMinutes).toBe(0);
  });

  it("a marketer cannot correct a colleague's entry, even fresh: 403 and nothing changes", async () => {
    const request = await fresh('Customer story video');
    const entry = await log(max, request.id, { minutes: 60 });
    const checksum = dbChecksum(t.app.db);
    expect(expectProblem(await patch(nina, entry.id, { minutes: 30, version: 1 }), 403).code).toBe('time_entry.not_author');
    expect(expectProblem(await del(nina, entry.id), 403).code).toBe('time_entry.not_author');
    expect(dbChecksum(t.app.db)).toBe(checksum);
  });

  it('a new date must be one time can be logged on for the request; a date left as it was stays valid after the request closed', async () => {
    const request = await fresh('Email header');
    const entry = await log(max, request.id, { minutes: 30, date: '2026-11-20' });
    const checksum = dbChecksum(t.app.db);
    const future = expectProblem(await patch(max, entry.id, { date: '2026-11-21', version: 1 }), 422);
    expect([future.code, future.errors]).toEqual(['time_entry.future_date', [{ path: 'date', message: expect.any(String) }]]);
    const early = expectProblem(await patch(max, entry.id, { date: '2026-11-01', version: 1 }), 422);
    expect([early.code, early.errors]).toEqual(['time_entry.before_filed', [{ path: 'date', message: expect.any(String) }]]);
    expect(dbChecksum(t.app.db)).toBe(checksum);

    ok(await max.post(`/api/requests/${request.id}/move`, { status: 'declined', version: 1 }));
    expect(ok<Entry>(await patch(max, entry.id, { minutes: 45, date: '2026-11-20', version: 1 }))).toMatchObject({
      minutes: 45,
      version: 2,
    });
  });
});

describe('bad input is refused naming the field, and nothing changes', () => {
  let entry: Entry;
  beforeAll(async () => {
    const request = await fresh('Newsletter banner');
    entry = await log(max, request.id, { minutes: 30, note: 'Kept' });
  });

  it.each([
    ['zero minutes', { minutes: 0, version: 1 }, 'minutes'],
    ['more than 24 hours', { minutes: 1441, version: 1 }, 'minutes'],
    ['a fraction of a minute', { minutes: 1.5, version: 1 }, 'minutes'],
    ['minutes as text', { minutes: '1h 15m', version: 1 }, 'minutes'],
    ['a date that is not a calendar date', { date: '2026-02-30', version: 1 }, 'date'],
    ['a date before 2000', { date: '1999-12-31', version: 1 }, 'date'],
    ['a note over 500 characters', { note: 'x'.repeat(501), version: 1 }, 'note'],
    ['a note with a control character', { note: 'a\u0000b', version: 1 }, 'note'],
    ['no version', { minutes: 45 }, 'version'],
    ['a version that is not a number', { minutes: 45, version: '1' }, 'version'],
    ['a field that does not exist', { minutes: 45, version: 1, userId: 1 }, 'userId'],
    ['moving it to another request', { requestId: 1, version: 1 }, 'requestId'],
    ['nothing to change', { version: 1 }, 'body'],
  ])('%s: 400', async (_label, body, path) => {
    const checksum = dbChecksum(t.app.db);
    const problem = expectProblem(await patch(max, entry.id, body), 400);
    expect(problem.errors?.map((e) => e.path)).toContain(path);
    expect(dbChecksum(t.app.db)).toBe(checksum);
  });

  it('ids that are not ids are a 400 naming id; a missing entry is a 404', async () => {
    expect(expectProblem(await patch(max, 0, { minutes: 5, version: 1 }), 400).errors).toEqual([
      { path: 'id', message: expect.any(String) },
    ]);
    expect(expectProblem(await del(max, 0), 400).errors).toEqual([{ path: 'id', message: expect.any(String) }]);
    expect(expectProblem(await patch(max, 987_654, { minutes: 5, version: 1 }), 404).code).toBe('time_entry.not_found');
    expect(expectProblem(await del(max, 987_654), 404).code).toBe('time_entry.not_found');
  });
});

describe('deleting an entry', () => {
  it('204, then 404 on both routes; the request, the day and the history show it gone', async () => {
    const request = await fresh('Roll-up for the Lisbon summit');
    const before = await splitOn('2026-11-18');
    const kept = await log(max, request.id, { minutes: 30, date: '2026-11-18' });
    const wrong = await log(max, request.id, { minutes: 120, date: '2026-11-18' });
    expect((await getRequest(cmo, request.id)).loggedMinutes).toBe(150);
    events.length = 0;
    const counts = rowCounts(t);

    const res = await del(max, wrong.id);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(rowCounts(t)).toEqual({ ...counts, timeEntries: counts.timeEntries - 1, activity: counts.activity + 1 });
    expect((await getRequest(cmo, request.id)).loggedMinutes).toBe(30);
    expect(await entriesOf(request.id)).toEqual({ items: [kept], totalMinutes: 30 });
    expect(await splitOn('2026-11-18')).toEqual({ ...before, unclassifiedMinutes: before.unclassifiedMinutes + 30 });
    expect((await activityOf(request.id)).at(-1)).toMatchObject({
      kind: 'time_deleted',
      actorId: max.user.id,
      field: 'time',
      from: '2h on 2026-11-18',
      to: null,
    });
    expect(events).toEqual([{ type: 'request.time_logged', requestId: request.id, loggedMinutes: 30 }]);

    expect(expectProblem(await del(max, wrong.id), 404).code).toBe('time_entry.not_found');
    expect(expectProblem(await patch(max, wrong.id, { minutes: 5, version: 1 }), 404).code).toBe('time_entry.not_found');
  });
});

describe('the grace period: the author until the end of the 14th day after the day they logged it', () => {
  it('logged on Friday 20 November (UTC): correctable through Friday 4 December, refused from Saturday 5 December', async () => {
    const request = await fresh('Event signage');
    const entry = await log(max, request.id, { minutes: 60, date: '2026-11-16' });
    setClock('2026-12-04T23:59:59.000Z');
    await signInAll();
    expect(ok<Entry>(await patch(max, entry.id, { minutes: 45, version: 1 })).version).toBe(2);
    setClock('2026-12-05T00:00:00.000Z');
    const checksum = dbChecksum(t.app.db);
    const refused = expectProblem(await patch(max, entry.id, { minutes: 30, version: 2 }), 403);
    expect(refused.code).toBe('time_entry.grace_passed');
    expect(refused.detail).toContain('2026-12-04');
    expect(expectProblem(await del(max, entry.id), 403).code).toBe('time_entry.grace_passed');
    expect(dbChecksum(t.app.db)).toBe(checksum);
  });

  it('the grace counts from the day it was logged, not the date it is for: a backdated entry is correctable for 14 days', async () => {
    const request = await fresh('Brochure reprint');
    // Filed on 2 November as far as logging goes: move the filing back to let it reach last month.
    t.app.db.$client.prepare('update requests set created_at = ? where id = ?').run('2026-10-01T08:00:00.000Z', request.id);
    const entry = await log(max, request.id, { minutes: 60, date: '2026-10-05' });
    setClock('2026-12-04T18:00:00.000Z');
    await signInAll();
    expect((await del(max, entry.id)).statusCode).toBe(204);
  });

  it('days are the company’s: in Auckland (UTC+13), an entry logged at 12:00 UTC on 20 November was logged on the 21st', async () => {
    ok(await cmo.put('/api/settings/company', { timezone: 'Pacific/Auckland' }));
    try {
      const request = await fresh('Auckland launch poster');
      setClock('2026-11-20T12:00:00.000Z');
      const entry = await log(max, request.id, { minutes: 60 });
      expect(entry.date).toBe('2026-11-21');
      // 10:59 UTC on 5 December is 23:59 on the 5th in Auckland: the last day.
      setClock('2026-12-05T10:59:00.000Z');
      await signInAll();
      expect(ok<Entry>(await patch(max, entry.id, { minutes: 45, version: 1 })).minutes).toBe(45);
      // 11:00 UTC is midnight: the 6th.
      setClock('2026-12-05T11:00:00.000Z');
      expect(expectProblem(await patch(max, entry.id, { minutes: 30, version: 2 }), 403).detail).toContain('2026-12-05');
    } finally {
      ok(await cmo.put('/api/settings/company', { timezone: 'UTC' }));
    }
  });
});
