import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Board, Request } from '@altitude/shared/requests';
import { requestQuestions, requests } from '../src/db/schema';
import { createTestApp, type TestApp } from './harness';
import { addUser, column, fileRequest, getRequest, ids, listAll, ok, readBoard, signIn, type Caller } from './request-helpers';
import { expectProblem } from './problem-assertions';

/*
 * The SLA clock through the API, on a clock the test sets. Every expected value is computed by
 * hand. December 2026: Thu 3, Fri 4, Sat 5, Sun 6, Mon 7, Tue 8, Wed 9, Thu 10, Fri 11.
 * Business hours 09:00–17:00 (480 minutes a day); the company is in UTC unless a test says.
 *
 * The running example, filed Fri 4 16:00 on a 2-day type: expected Tue 8 (Mon is day 1).
 * Budget: Fri 16:00–17:00 (60) + Mon (480) + Tue (480) = 1020 minutes. At risk from 765 used
 * (75 %) = 60 + 480 + 225: Tue 12:45. Breached past 1020: Wed 09:01.
 */
describe('the SLA clock', () => {
  let t: TestApp;
  let now = new Date('2026-12-04T16:00:00.000Z');
  let lead: Caller;
  let marketer: Caller;
  let sales: Caller;
  let twoDay: number;
  let fiveDay: number;

  let signedInAt = Number.NaN;
  /** Moves the clock; everyone signs in again when it moved ahead by more than 11 hours, since sessions idle out after 12. */
  const at = async (iso: string) => {
    now = new Date(iso);
    if (now.getTime() - signedInAt <= 11 * 3_600_000) return;
    signedInAt = now.getTime();
    [lead, marketer, sales] = [
      await signIn(t, 'lead@example.com'),
      await signIn(t, 'marketer@example.com'),
      await signIn(t, 'sales@example.com'),
    ];
  };
  const file = async (title: string, extra: Record<string, unknown> = {}) => fileRequest(sales, { title, typeId: twoDay, ...extra });
  const read = (id: number) => getRequest(marketer, id);
  const version = async (id: number) => (await read(id)).version;
  const move = async (id: number, status: string, extra: Record<string, unknown> = {}) =>
    ok<Request>(await marketer.post(`/api/requests/${id}/move`, { status, version: await version(id), ...extra }));
  const classify = async (id: number) =>
    ok<Request>(await marketer.put(`/api/requests/${id}/classification`, { classification: 'tactical', version: await version(id) }));
  const clockRow = (id: number) =>
    t.app.db
      .select({ pausedMinutes: requests.pausedMinutes, pausedSince: requests.pausedSince, firstResponseAt: requests.firstResponseAt })
      .from(requests)
      .where(eq(requests.id, id))
      .get()!;
  /** A pause as the needs-info route will start one (that route is built elsewhere): written straight to the database. */
  const pause = (id: number, since: string) =>
    t.app.db.update(requests).set({ pausedSince: since, waitingOn: 'requester' }).where(eq(requests.id, id)).run();

  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: () => now });
    await addUser(t, 'lead@example.com', 'lead', 'Marketing');
    await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
    await addUser(t, 'sales@example.com', 'requester', 'Sales');
    await at('2026-12-04T16:00:00.000Z');
    const type = async (name: string, turnaroundDays: number) =>
      ok<{ id: number }>(await lead.post('/api/request-types', { name, turnaroundDays, defaultClassification: 'tactical' }), 201).id;
    twoDay = await type('Two-day SLA check', 2);
    fiveDay = await type('Five-day SLA check', 5);
  });
  afterAll(() => t.app.close());

  describe('the expected-by date at filing', () => {
    it('filed Friday 16:00 with a 2-day turnaround is expected Tuesday; needed Monday is a rush, and a new needed-by date is weighed again', async () => {
      await at('2026-12-04T16:00:00.000Z');
      const r = await file('Friday filing', { dueDate: '2026-12-07' });
      expect(r).toMatchObject({ expectedBy: '2026-12-08', rush: true, slaState: 'on_track', waitingOn: null });
      // The clock's raw columns stay inside the API.
      expect(r).not.toHaveProperty('pausedMinutes');
      expect(r).not.toHaveProperty('pausedSince');
      expect(r).not.toHaveProperty('firstResponseAt');
      // Needed Wednesday, after Tuesday: no longer a rush; the promise itself does not move.
      const edited = ok<Request>(await sales.patch(`/api/requests/${r.id}`, { dueDate: '2026-12-09', version: r.version }));
      expect(edited).toMatchObject({ expectedBy: '2026-12-08', rush: false });
    });

    it('a holiday on the Monday pushes it to Wednesday', async () => {
      await at('2026-12-04T16:00:00.000Z');
      ok(await lead.put('/api/settings/holidays', { items: [{ date: '2026-12-07', name: 'Company day' }] }));
      try {
        // Mon 7 is a holiday: Tue 8 is day 1, Wed 9 day 2.
        expect((await file('Filed before a holiday')).expectedBy).toBe('2026-12-09');
      } finally {
        ok(await lead.put('/api/settings/holidays', { items: [] }));
      }
    });

    it('filed on Saturday, two business days is Tuesday', async () => {
      await at('2026-12-05T11:00:00.000Z');
      expect((await file('Saturday filing')).expectedBy).toBe('2026-12-08');
    });

    it('the filing date is the company’s: 23:30 UTC on Thursday is Friday 05:00 in Kolkata', async () => {
      await at('2026-12-03T23:30:00.000Z');
      // In UTC, Thursday + 2 = Monday 7.
      expect((await file('Late Thursday in UTC')).expectedBy).toBe('2026-12-07');
      ok(await lead.put('/api/settings/company', { timezone: 'Asia/Kolkata' }));
      try {
        // In Kolkata (+05:30) it is already Friday 05:00: Friday + 2 = Tuesday 8.
        expect((await file('Early Friday in Kolkata')).expectedBy).toBe('2026-12-08');
      } finally {
        ok(await lead.put('/api/settings/company', { timezone: 'UTC' }));
      }
    });
  });

  describe('the state as time passes', () => {
    it('goes on track → at risk at exactly 75 % → breached, on the request, in the list and on the board', async () => {
      await at('2026-12-04T16:00:00.000Z');
      const { id } = await file('Watched as time passes');
      const everywhere = async () => {
        const board = await readBoard(marketer);
        return {
          request: (await read(id)).slaState,
          list: (await listAll(sales)).find((r) => r.id === id)!.slaState,
          board: column(board, 'intake').cards.find((c) => c.id === id)!.slaState,
        };
      };
      const all = (state: string) => ({ request: state, list: state, board: state });
      // Mon 10:00: 60 + 60 = 120 used.
      await at('2026-12-07T10:00:00.000Z');
      expect(await everywhere()).toEqual(all('on_track'));
      // Tue 12:44: 60 + 480 + 224 = 764 < 765.
      await at('2026-12-08T12:44:00.000Z');
      expect(await everywhere()).toEqual(all('on_track'));
      // Tue 12:45: 765 = 75 % of 1020. The board is read again within a minute of the last read.
      await at('2026-12-08T12:45:00.000Z');
      expect(await everywhere()).toEqual(all('at_risk'));
      // Tue 17:00 and overnight: 1020, the whole budget but not more.
      await at('2026-12-09T09:00:00.000Z');
      expect(await everywhere()).toEqual(all('at_risk'));
      // Wed 09:01: 1021.
      await at('2026-12-09T09:01:00.000Z');
      expect(await everywhere()).toEqual(all('breached'));
    });
  });

  describe('the company calendar', () => {
    it('a holiday added later changes the state on the board at once', async () => {
      await at('2026-12-04T16:00:00.000Z');
      const { id } = await file('Calendar changes under it');
      // Tue 12:45: 765 of 1020 → at risk.
      await at('2026-12-08T12:45:00.000Z');
      const onBoard = async () => column(await readBoard(marketer), 'intake').cards.find((c) => c.id === id)!.slaState;
      expect(await onBoard()).toBe('at_risk');
      ok(await lead.put('/api/settings/holidays', { items: [{ date: '2026-12-07', name: 'Company day' }] }));
      try {
        // Mon 7 no longer counts: budget 60 + 480 = 540, used 60 + 225 = 285 < 405 (75 %) → on track.
        expect(await onBoard()).toBe('on_track');
      } finally {
        ok(await lead.put('/api/settings/holidays', { items: [] }));
      }
      expect(await onBoard()).toBe('at_risk');
    });
  });

  describe('pauses', () => {
    it('a request waiting on its requester is paused; closing ends the pause there and judges the state at the close', async () => {
      await at('2026-12-04T16:00:00.000Z');
      const { id } = await file('Paused, then delivered');
      await at('2026-12-07T10:00:00.000Z');
      pause(id, '2026-12-07T10:00:00.000Z');
      t.app.db
        .insert(requestQuestions)
        .values({ requestId: id, askedById: marketer.user.id, question: 'Which sizes?', askedAt: '2026-12-07T10:00:00.000Z' })
        .run();
      expect(await read(id)).toMatchObject({ slaState: 'paused', waitingOn: 'requester' });
      // Still paused on Thursday, long past the budget had the clock run.
      await at('2026-12-10T12:00:00.000Z');
      expect((await read(id)).slaState).toBe('paused');

      // Delivered Tue 11:00 instead (a fresh request, same story): the pause Mon 10:00–Tue 11:00 is
      // 420 + 120 = 540 minutes; used = (60 + 480 + 120) − 540 = 120 ≤ 1020: met.
      await at('2026-12-04T16:00:00.000Z');
      const { id: done } = await file('Paused, delivered while waiting');
      pause(done, '2026-12-07T10:00:00.000Z');
      t.app.db
        .insert(requestQuestions)
        .values({ requestId: done, askedById: marketer.user.id, question: 'Which sizes?', askedAt: '2026-12-07T10:00:00.000Z' })
        .run();
      await at('2026-12-08T11:00:00.000Z');
      await classify(done);
      expect(await move(done, 'done')).toMatchObject({ slaState: 'met', waitingOn: null, completedAt: '2026-12-08T11:00:00.000Z' });
      expect(clockRow(done)).toMatchObject({ pausedMinutes: 540, pausedSince: null });
      // The open question stays unanswered.
      expect(t.app.db.select().from(requestQuestions).where(eq(requestQuestions.requestId, done)).get()).toMatchObject({
        answer: null,
        answeredAt: null,
      });
      // Read a week later: still met, judged at the close.
      await at('2026-12-15T12:00:00.000Z');
      expect((await read(done)).slaState).toBe('met');
    });

    it('cancelling and handing back also end a running pause', async () => {
      await at('2026-12-04T16:00:00.000Z');
      const cancelled = await file('Withdrawn while waiting');
      const handedBack = await file('Handed back while waiting');
      pause(cancelled.id, '2026-12-07T09:30:00.000Z');
      pause(handedBack.id, '2026-12-07T09:30:00.000Z');
      // Mon 09:30 → Mon 12:00: 150 paused. Used (60 + 180) − 150 = 90: met.
      await at('2026-12-07T12:00:00.000Z');
      const c = ok<Request>(await sales.post(`/api/requests/${cancelled.id}/cancel`, { version: await version(cancelled.id) }));
      expect(c).toMatchObject({ resolution: 'cancelled', slaState: 'met', waitingOn: null });
      expect(clockRow(cancelled.id)).toMatchObject({ pausedMinutes: 150, pausedSince: null });
      // Mon 09:30 → Wed 10:00: 450 + 480 + 60 = 990 paused; used (60 + 480 + 480 + 60) − 990 = 90: met.
      await at('2026-12-09T10:00:00.000Z');
      const h = await move(handedBack.id, 'declined', { resolution: 'handed_back' });
      expect(h).toMatchObject({ resolution: 'handed_back', slaState: 'met', waitingOn: null });
      expect(clockRow(handedBack.id)).toMatchObject({ pausedMinutes: 990, pausedSince: null });
    });
  });

  describe('closing and reopening', () => {
    it('closed within the budget is met, after it missed', async () => {
      await at('2026-12-04T16:00:00.000Z');
      const inTime = await file('Delivered at the last minute');
      const late = await file('Delivered a minute late');
      await classify(inTime.id);
      await classify(late.id);
      // Tue 17:00: 1020 used, the whole budget.
      await at('2026-12-08T17:00:00.000Z');
      expect((await move(inTime.id, 'done')).slaState).toBe('met');
      // Wed 09:01: 1021.
      await at('2026-12-09T09:01:00.000Z');
      expect((await move(late.id, 'done')).slaState).toBe('missed');
      // Declined late is judged the same way: Wed 09:01 is 1021 too.
      await at('2026-12-04T16:00:00.000Z');
      const declined = await file('Declined a minute late');
      await at('2026-12-09T09:01:00.000Z');
      expect((await move(declined.id, 'declined')).slaState).toBe('missed');
    });

    it('reopened after done, the time it spent closed is not counted', async () => {
      await at('2026-12-04T16:00:00.000Z');
      const { id } = await file('Reopened after done');
      await classify(id);
      // Done Mon 10:00: 120 used.
      await at('2026-12-07T10:00:00.000Z');
      expect((await move(id, 'done')).slaState).toBe('met');
      // Reopened Wed 10:00: closed Mon 10:00 → Wed 10:00 = 420 + 480 + 60 = 960, not counted.
      // Used (60 + 480 + 480 + 60) − 960 = 120: on track (without the rule: 1080, breached).
      await at('2026-12-09T10:00:00.000Z');
      expect(await move(id, 'in_progress')).toMatchObject({ slaState: 'on_track', completedAt: null, resolution: null });
      expect(clockRow(id).pausedMinutes).toBe(960);
      // Done again Wed 12:00: (1080 + 120) − 960 = 240: met.
      await at('2026-12-09T12:00:00.000Z');
      expect(await move(id, 'done')).toMatchObject({ slaState: 'met', completedAt: '2026-12-09T12:00:00.000Z' });
    });

    it('moving from done to declined does not count the time in between either', async () => {
      await at('2026-12-04T16:00:00.000Z');
      const { id } = await file('Done, then declined');
      await classify(id);
      // Done Tue 16:00: 60 + 480 + 420 = 960 ≤ 1020.
      await at('2026-12-08T16:00:00.000Z');
      await move(id, 'done');
      // Declined Thu 10:00: Tue 16:00 → Thu 10:00 = 60 + 480 + 60 = 600 closed; used (960 + 600) − 600 = 960: met.
      await at('2026-12-10T10:00:00.000Z');
      expect((await move(id, 'declined')).slaState).toBe('met');
      expect(clockRow(id).pausedMinutes).toBe(600);
    });
  });

  describe('retyping', () => {
    it('recomputes expected-by from the filing with the new type’s turnaround, and the rush with it', async () => {
      await at('2026-12-04T16:00:00.000Z');
      // Needed Thu 10, after Tue 8: not a rush on the 2-day type.
      const r = await file('Retyped', { dueDate: '2026-12-10' });
      expect(r).toMatchObject({ expectedBy: '2026-12-08', rush: false });
      // Retyped on Monday: five business days from Fri 4 (not from Monday) = Mon 7 … Fri 11; needed Thu 10 < Fri 11: a rush.
      await at('2026-12-07T10:00:00.000Z');
      const retyped = ok<Request>(await marketer.patch(`/api/requests/${r.id}`, { typeId: fiveDay, version: await version(r.id) }));
      expect(retyped).toMatchObject({ typeId: fiveDay, expectedBy: '2026-12-11', rush: true });
      // Budget now 60 + 5 × 480 = 2460; at Wed 09:01 used 1021 < 1845 (75 %): on track where the 2-day type was breached.
      await at('2026-12-09T09:01:00.000Z');
      expect((await read(r.id)).slaState).toBe('on_track');
    });
  });

  describe('first response', () => {
    it('is set by marketing’s first comment on a request someone else filed, and kept after', async () => {
      await at('2026-12-04T16:00:00.000Z');
      const { id } = await file('Commented on');
      await at('2026-12-07T09:00:00.000Z');
      ok(await sales.post(`/api/requests/${id}/comments`, { body: 'Any news?' }), 201);
      expect(clockRow(id).firstResponseAt).toBeNull();
      await at('2026-12-07T10:00:00.000Z');
      ok(await marketer.post(`/api/requests/${id}/comments`, { body: 'On it.' }), 201);
      await at('2026-12-07T11:00:00.000Z');
      await classify(id);
      expect(clockRow(id).firstResponseAt).toBe('2026-12-07T10:00:00.000Z');
    });

    it('is set by a move, an assignment or a classification, but not on a marketer’s own request', async () => {
      await at('2026-12-07T10:00:00.000Z');
      const moved = await file('First response: move');
      const assigned = await file('First response: assignment');
      const classified = await file('First response: classification');
      const own = ok<Request>(await marketer.post('/api/requests', { title: 'Filed by marketing itself', typeId: twoDay }), 201);
      await at('2026-12-07T11:00:00.000Z');
      await move(moved.id, 'declined');
      ok(await marketer.patch(`/api/requests/${assigned.id}`, { assigneeId: marketer.user.id, version: await version(assigned.id) }));
      await classify(classified.id);
      await classify(own.id);
      ok(await marketer.post(`/api/requests/${own.id}/comments`, { body: 'Note to self' }), 201);
      for (const r of [moved, assigned, classified]) expect(clockRow(r.id).firstResponseAt).toBe('2026-12-07T11:00:00.000Z');
      expect(clockRow(own.id).firstResponseAt).toBeNull();
    });
  });

  describe('the sla filter', () => {
    /*
     * On a type of its own, so other tests' requests stay out. Read at Tue 8 12:45:
     * - fri: filed Fri 16:00, expected Tue, budget 1020; used 765 → at_risk.
     * - mon: filed Mon 09:00, expected Wed, budget 1440 (75 % = 1080); used 480 + 225 = 705 → on_track.
     * - thu: filed Thu 09:00, expected Mon, budget 1440; used 3 × 480 + 225 = 1665 → breached.
     * - paused: filed Mon 09:00, paused Mon 12:00 → paused.
     * - met: filed Thu 09:00, done Fri 10:00: 480 + 60 = 540 ≤ 1440 → met.
     * - missed: filed Thu 09:00, done Tue 10:00: 3 × 480 + 60 = 1500 > 1440 → missed.
     */
    let type: number;
    const r: Record<string, number> = {};
    const list = async (sla: string, as: Caller = marketer) => ids(await listAll(as, `type=${type}&sla=${sla}`));
    const board = async (sla: string): Promise<Board> => readBoard(marketer, `?type=${type}&sla=${sla}`);

    beforeAll(async () => {
      await at('2026-12-03T09:00:00.000Z');
      type = ok<{ id: number }>(
        await lead.post('/api/request-types', { name: 'SLA filter check', turnaroundDays: 2, defaultClassification: 'tactical' }),
        201,
      ).id;
      const f = async (key: string) => (r[key] = (await fileRequest(sales, { title: `SLA filter: ${key}`, typeId: type })).id);
      await f('thu');
      await f('met');
      await f('missed');
      await classify(r.met!);
      await classify(r.missed!);
      await at('2026-12-04T10:00:00.000Z');
      await move(r.met!, 'done');
      await at('2026-12-04T16:00:00.000Z');
      await f('fri');
      await at('2026-12-07T09:00:00.000Z');
      await f('mon');
      await f('paused');
      pause(r.paused!, '2026-12-07T12:00:00.000Z');
      await at('2026-12-08T10:00:00.000Z');
      await move(r.missed!, 'done');
      await at('2026-12-08T12:45:00.000Z');
    });

    it('narrows the list to each state, and to several at once, newest first', async () => {
      expect(await list('at_risk')).toEqual([r.fri]);
      expect(await list('on_track')).toEqual([r.mon]);
      expect(await list('breached')).toEqual([r.thu]);
      expect(await list('paused')).toEqual([r.paused]);
      expect(await list('met')).toEqual([r.met]);
      expect(await list('missed')).toEqual([r.missed]);
      expect(await list('at_risk,breached')).toEqual([r.fri, r.thu]);
      expect(await list('met,on_track')).toEqual([r.mon, r.met]);
      // A requester filters their own department's requests the same way.
      expect(await list('breached,missed', sales)).toEqual([r.missed, r.thu]);
    });

    it('narrows the board’s columns and their counts', async () => {
      const risky = await board('at_risk,breached');
      expect(column(risky, 'intake')).toMatchObject({ count: 2 });
      expect(ids(column(risky, 'intake').cards).sort()).toEqual([r.fri, r.thu].sort());
      expect(column(risky, 'done')).toMatchObject({ count: 0, cards: [] });
      const met = await board('met');
      expect(column(met, 'done')).toMatchObject({ count: 1 });
      expect(ids(column(met, 'done').cards)).toEqual([r.met]);
      expect(column(met, 'intake')).toMatchObject({ count: 0, cards: [] });
      // The further page of a closed column narrows the same way.
      expect(ok<{ count: number }>(await marketer.get(`/api/board/columns/done?type=${type}&sla=missed`)).count).toBe(1);
      // Without the filter: four open, two done.
      const all = await readBoard(marketer, `?type=${type}`);
      expect([column(all, 'intake').count, column(all, 'done').count]).toEqual([4, 2]);
    });

    it('follows the clock: at Wed 11:00 mon reaches 75 % and fri is past its budget', async () => {
      // mon: 480 + 480 + 120 = 1080 = 75 % of 1440 → at_risk. fri: 1020 + 120 = 1140 > 1020 → breached.
      await at('2026-12-09T11:00:00.000Z');
      expect(await list('at_risk')).toEqual([r.mon]);
      expect(await list('breached')).toEqual([r.fri, r.thu]);
      expect(ids(column(await board('at_risk'), 'intake').cards)).toEqual([r.mon]);
    });

    it('an unknown state is a 400 naming the parameter', async () => {
      for (const url of ['/api/requests?sla=late', '/api/board?sla=late']) {
        const problem = expectProblem(await marketer.get(url), 400);
        expect(JSON.stringify(problem)).toContain('sla');
      }
    });
  });
});
