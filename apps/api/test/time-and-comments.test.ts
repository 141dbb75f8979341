import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '@altitude/shared/requests';
import type { TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  classify,
  createDemoApp,
  fileRequest,
  getRequest,
  listAll,
  moveTo,
  ok,
  requestTypeId,
  rowCounts,
  signInDemoAccounts,
  type DemoCallers,
} from './request-helpers';

const today = '2026-11-20';

type TimeEntryList = {
  items: { id: number; requestId: number; userId: number; minutes: number; date: string; note: string; createdAt: string }[];
  totalMinutes: number;
};
type Activity = {
  id: number;
  kind: string;
  actorId: number;
  field: string | null;
  from: string | null;
  to: string | null;
  createdAt: string;
};

let t: TestApp;
let as: DemoCallers;
let typeId: number;
/** A Sales request filed by a colleague of sales@example.com, and one from Product. */
let salesRequest: Request;
let productRequest: Request;

beforeAll(async () => {
  t = await createDemoApp();
  as = await signInDemoAccounts(t);
  typeId = await requestTypeId(as.marketer, 'Event banner');
  salesRequest = (await listAll(as.sales)).find(
    (r) => r.requesterId !== as.sales.user.id && r.departmentId === as.sales.user.departmentId && r.loggedMinutes > 0,
  )!;
  productRequest = await fileRequest(as.product, { title: 'Release email for SSO', typeId });
});
afterAll(() => t.app.close());

const timeOf = async (id: number) => ok<TimeEntryList>(await as.marketer.get(`/api/requests/${id}/time-entries`));

describe('logging time', () => {
  it('a marketer logs 30 minutes: 201 with the entry dated today, and the request shows 30 more minutes logged', async () => {
    const before = await getRequest(as.marketer, salesRequest.id);
    const entriesBefore = await timeOf(salesRequest.id);
    expect(entriesBefore.totalMinutes).toBe(before.loggedMinutes);

    const res = await as.marketer.post(`/api/requests/${salesRequest.id}/time-entries`, { minutes: 30 });
    const entry = ok<TimeEntryList['items'][number]>(res, 201);
    expect(entry).toEqual({
      id: expect.any(Number),
      requestId: salesRequest.id,
      userId: as.marketer.user.id,
      minutes: 30,
      date: today,
      note: '',
      version: 1,
      createdAt: expect.any(String),
    });

    const after = await getRequest(as.marketer, salesRequest.id);
    expect(after.loggedMinutes).toBe(before.loggedMinutes + 30);
    const entries = await timeOf(salesRequest.id);
    expect(entries.totalMinutes).toBe(before.loggedMinutes + 30);
    expect(entries.items.map((e) => e.id)).toContain(entry.id);
    expect(entries.items.reduce((s, e) => s + e.minutes, 0)).toBe(entries.totalMinutes);
  });

  it('the logged total on each request in the list and on the board is the sum of its own time entries', async () => {
    const sample = (await listAll(as.marketer)).filter((r) => r.status !== 'intake').slice(0, 20);
    for (const r of sample) expect(r.loggedMinutes, r.key).toBe((await timeOf(r.id)).totalMinutes);
    const board = ok<{ columns: { cards: { id: number; loggedMinutes: number }[] }[] }>(await as.marketer.get('/api/board'));
    for (const card of board.columns.flatMap((c) => c.cards).slice(0, 20))
      expect(card.loggedMinutes).toBe((await timeOf(card.id)).totalMinutes);
  });

  it('a lead logs a full day on an earlier date with a note', async () => {
    const entry = ok<TimeEntryList['items'][number]>(
      await as.cmo.post(`/api/requests/${salesRequest.id}/time-entries`, { minutes: 1440, date: '2026-11-18', note: 'Workshop' }),
      201,
    );
    expect(entry).toMatchObject({ userId: as.cmo.user.id, minutes: 1440, date: '2026-11-18', note: 'Workshop' });
  });

  it('logging time writes a time_logged activity with the minutes', async () => {
    const created = await fileRequest(as.sales, { title: 'Banner', typeId });
    ok(await as.marketer.post(`/api/requests/${created.id}/time-entries`, { minutes: 45 }), 201);
    const log = ok<{ items: Activity[] }>(await as.marketer.get(`/api/requests/${created.id}/activity`)).items;
    expect(log.at(-1)).toMatchObject({ kind: 'time_logged', actorId: as.marketer.user.id, field: 'minutes', to: '45' });
    expect((await getRequest(as.sales, created.id)).loggedMinutes).toBe(45);
  });

  it.each([
    ['zero minutes', { minutes: 0 }, 400, 'minutes'],
    ['negative minutes', { minutes: -15 }, 400, 'minutes'],
    ['more than 24 hours', { minutes: 1441 }, 400, 'minutes'],
    ['a fraction of a minute', { minutes: 1.5 }, 400, 'minutes'],
    ['minutes as text', { minutes: '30' }, 400, 'minutes'],
    ['no minutes at all', { note: 'forgot' }, 400, 'minutes'],
    ['a date that is not a calendar date', { minutes: 30, date: '2026-02-30' }, 400, 'date'],
    ['a date in the future', { minutes: 30, date: '2026-11-21' }, 422, 'date'],
  ])('%s is refused, naming the field, and nothing is stored', async (_label, payload, status, path) => {
    const before = rowCounts(t);
    const loggedBefore = (await getRequest(as.marketer, salesRequest.id)).loggedMinutes;
    const body = expectProblem(await as.marketer.post(`/api/requests/${salesRequest.id}/time-entries`, payload), status);
    expect(body.errors).toEqual([{ path, message: expect.any(String) }]);
    expect(body.detail).toContain(path);
    expect(rowCounts(t)).toEqual(before);
    expect((await getRequest(as.marketer, salesRequest.id)).loggedMinutes).toBe(loggedBefore);
  });

  it('a requester cannot log time, not even on their own request (403, nothing stored)', async () => {
    const own = await fileRequest(as.sales, { title: 'Mine', typeId });
    const before = rowCounts(t);
    expect(expectProblem(await as.sales.post(`/api/requests/${own.id}/time-entries`, { minutes: 30 }), 403).code).toBe('auth.forbidden');
    expectProblem(await as.sales.post(`/api/requests/${salesRequest.id}/time-entries`, { minutes: 30 }), 403);
    expect(rowCounts(t)).toEqual(before);
  });

  it("a requester reads the time logged on their department's requests, but another department's answers 404", async () => {
    const seen = ok<TimeEntryList>(await as.sales.get(`/api/requests/${salesRequest.id}/time-entries`));
    expect(seen).toEqual(await timeOf(salesRequest.id));
    expect(seen.items.length).toBeGreaterThan(0);
    expect(expectProblem(await as.product.get(`/api/requests/${salesRequest.id}/time-entries`), 404).code).toBe('request.not_found');
    expectProblem(await as.sales.get(`/api/requests/${productRequest.id}/time-entries`), 404);
  });

  it('time on a request that does not exist is a 404, and nothing is stored', async () => {
    const before = rowCounts(t);
    expectProblem(await as.marketer.post('/api/requests/999999/time-entries', { minutes: 30 }), 404);
    expectProblem(await as.marketer.get('/api/requests/999999/time-entries'), 404);
    expect(rowCounts(t)).toEqual(before);
  });
});

describe('comments', () => {
  it("a requester comments on a colleague's request in their department: 201, and everyone who may see it reads it", async () => {
    const res = await as.sales.post(`/api/requests/${salesRequest.id}/comments`, { body: 'Can we get this **a day earlier**?' });
    const comment = ok<{ id: number; requestId: number; authorId: number; body: string; createdAt: string }>(res, 201);
    expect(comment).toEqual({
      id: expect.any(Number),
      requestId: salesRequest.id,
      authorId: as.sales.user.id,
      body: 'Can we get this **a day earlier**?',
      createdAt: expect.any(String),
    });
    for (const reader of [as.sales, as.marketer, as.cmo]) {
      const { items } = ok<{ items: { id: number }[] }>(await reader.get(`/api/requests/${salesRequest.id}/comments`));
      expect(items.at(-1)).toEqual(comment);
    }
  });

  it("a requester cannot comment on or read another department's request (404, nothing stored)", async () => {
    const before = rowCounts(t);
    expect(expectProblem(await as.sales.post(`/api/requests/${productRequest.id}/comments`, { body: 'Peeking' }), 404).code).toBe(
      'request.not_found',
    );
    expectProblem(await as.sales.get(`/api/requests/${productRequest.id}/comments`), 404);
    expectProblem(await as.exec.post(`/api/requests/${salesRequest.id}/comments`, { body: 'Peeking' }), 404);
    expect(rowCounts(t)).toEqual(before);
  });

  it('an empty comment is refused with 400 naming body', async () => {
    const before = rowCounts(t);
    for (const body of ['', '   ']) {
      expect(expectProblem(await as.marketer.post(`/api/requests/${salesRequest.id}/comments`, { body }), 400).errors).toEqual([
        { path: 'body', message: expect.any(String) },
      ]);
    }
    expect(rowCounts(t)).toEqual(before);
  });

  it('comments are listed oldest first', async () => {
    const created = await fileRequest(as.product, { title: 'Webinar slides', typeId });
    for (const [who, body] of [
      [as.product, 'First'],
      [as.marketer, 'Second'],
      [as.product, 'Third'],
    ] as const) {
      ok(await who.post(`/api/requests/${created.id}/comments`, { body }), 201);
    }
    const { items } = ok<{ items: { body: string; authorId: number }[] }>(await as.product.get(`/api/requests/${created.id}/comments`));
    expect(items.map((c) => [c.body, c.authorId])).toEqual([
      ['First', as.product.user.id],
      ['Second', as.marketer.user.id],
      ['Third', as.product.user.id],
    ]);
  });
});

describe('activity', () => {
  it('lists every change to a request in order, with who made it and what changed from and to', async () => {
    const created = await fileRequest(as.sales, { title: 'Booth wall for the Lisbon summit', typeId });
    const id = created.id;
    await classify(as.marketer, id, 'tactical', 'One event');
    ok(await as.marketer.patch(`/api/requests/${id}`, { version: 2, assigneeId: as.marketer.user.id, estimateMinutes: 120 }));
    await moveTo(as.marketer, id, 'planned');
    ok(await as.marketer.post(`/api/requests/${id}/time-entries`, { minutes: 30 }), 201);
    ok(await as.sales.post(`/api/requests/${id}/comments`, { body: 'Thanks!' }), 201);
    await moveTo(as.cmo, id, 'in_progress');

    const { items } = ok<{ items: Activity[] }>(await as.sales.get(`/api/requests/${id}/activity`));
    expect(items.map(({ kind, actorId, field, from, to }) => ({ kind, actorId, field, from, to }))).toEqual([
      { kind: 'created', actorId: as.sales.user.id, field: null, from: null, to: null },
      { kind: 'classified', actorId: as.marketer.user.id, field: 'classification', from: null, to: 'tactical' },
      { kind: 'assigned', actorId: as.marketer.user.id, field: 'assigneeId', from: null, to: String(as.marketer.user.id) },
      { kind: 'estimated', actorId: as.marketer.user.id, field: 'estimateMinutes', from: null, to: '120' },
      { kind: 'moved', actorId: as.marketer.user.id, field: 'status', from: 'intake', to: 'planned' },
      { kind: 'time_logged', actorId: as.marketer.user.id, field: 'minutes', from: null, to: '30' },
      { kind: 'commented', actorId: as.sales.user.id, field: null, from: null, to: null },
      { kind: 'moved', actorId: as.cmo.user.id, field: 'status', from: 'planned', to: 'in_progress' },
    ]);
    for (const entry of items) expect(entry.id).toEqual(expect.any(Number));
    const times = items.map((a) => a.createdAt);
    expect(times).toEqual([...times].sort());
    expect(new Date(times[0]!).toISOString()).toBe(times[0]);
  });

  it("a requester cannot read another department's activity (404)", async () => {
    expect(expectProblem(await as.product.get(`/api/requests/${salesRequest.id}/activity`), 404).code).toBe('request.not_found');
    expectProblem(await as.sales.get(`/api/requests/${productRequest.id}/activity`), 404);
    ok(await as.product.get(`/api/requests/${productRequest.id}/activity`));
  });
});
