import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '@altitude/shared/requests';
import type { TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  createDemoApp,
  fileRequest,
  getRequest,
  ok,
  requestTypeId,
  rowCounts,
  signInDemoAccounts,
  type DemoCallers,
} from './request-helpers';

/**
 * "Needed by" is the requester's `dueDate`; "planned for" is the date a marketer commits to
 * (issue 11). Only marketing sets `plannedFor`; the requester still edits their own fields.
 */
let t: TestApp;
let as: DemoCallers;
let typeId: number;
beforeAll(async () => {
  t = await createDemoApp();
  as = await signInDemoAccounts(t);
  typeId = await requestTypeId(as.marketer, 'Event banner');
});
afterAll(() => t.app.close());

const activityOf = async (id: number) =>
  ok<{ items: { kind: string; actorId: number; field: string | null; from: string | null; to: string | null }[] }>(
    await as.sales.get(`/api/requests/${id}/activity`),
  ).items.filter((a) => a.field === 'plannedFor');

describe('planned for', () => {
  it('a new request is not planned; a marketer plans it, re-plans it and clears it, each an activity row old → new', async () => {
    const filed = await fileRequest(as.sales, { title: 'Booth wall for the Madrid expo', typeId, dueDate: '2026-12-10' });
    expect(filed.plannedFor).toBeNull();
    const planned = ok<Request>(await as.marketer.patch(`/api/requests/${filed.id}`, { version: filed.version, plannedFor: '2026-12-04' }));
    expect(planned).toMatchObject({ plannedFor: '2026-12-04', dueDate: '2026-12-10', version: filed.version + 1 });
    const moved = ok<Request>(await as.cmo.patch(`/api/requests/${filed.id}`, { version: planned.version, plannedFor: '2026-12-08' }));
    const cleared = ok<Request>(await as.marketer.patch(`/api/requests/${filed.id}`, { version: moved.version, plannedFor: null }));
    expect(cleared.plannedFor).toBeNull();
    // The requester reads both dates on their own request.
    expect(await getRequest(as.sales, filed.id)).toMatchObject({ dueDate: '2026-12-10', plannedFor: null });
    expect(await activityOf(filed.id)).toEqual([
      expect.objectContaining({ actorId: as.marketer.user.id, from: null, to: '2026-12-04' }),
      expect.objectContaining({ actorId: as.cmo.user.id, from: '2026-12-04', to: '2026-12-08' }),
      expect.objectContaining({ actorId: as.marketer.user.id, from: '2026-12-08', to: null }),
    ]);
  });

  it('sending the same date again changes nothing (no version bump, no activity)', async () => {
    const filed = await fileRequest(as.sales, { title: 'Stage loop for the Lyon summit', typeId });
    const planned = ok<Request>(await as.marketer.patch(`/api/requests/${filed.id}`, { version: filed.version, plannedFor: '2026-12-01' }));
    const again = ok<Request>(await as.marketer.patch(`/api/requests/${filed.id}`, { version: planned.version, plannedFor: '2026-12-01' }));
    expect(again.version).toBe(planned.version);
    expect(await activityOf(filed.id)).toHaveLength(1);
  });

  it('a requester sending plannedFor, even on their own request in intake, gets 403 naming the field, and nothing changes', async () => {
    const filed = await fileRequest(as.sales, { title: 'Roll-up for the Oslo meetup', typeId, dueDate: '2026-12-12' });
    const before = rowCounts(t);
    for (const body of [
      { version: filed.version, plannedFor: '2026-12-01' },
      { version: filed.version, plannedFor: null },
      { version: filed.version, title: 'Roll-up for the Oslo meetup (two)', plannedFor: '2026-12-01' },
    ]) {
      const problem = expectProblem(await as.sales.patch(`/api/requests/${filed.id}`, body), 403);
      expect(problem.errors?.map((e) => e.path)).toEqual(['plannedFor']);
    }
    expect(rowCounts(t)).toEqual(before);
    expect(await getRequest(as.sales, filed.id)).toEqual(filed);
    // Their own fields stay theirs.
    const edited = ok<Request>(await as.sales.patch(`/api/requests/${filed.id}`, { version: filed.version, dueDate: '2026-12-14' }));
    expect(edited).toMatchObject({ dueDate: '2026-12-14', plannedFor: null });
  });

  it.each([['1999-12-31'], ['2100-01-01'], ['2026-02-30'], ['tomorrow'], ['2026-12-01T00:00:00Z'], [20261201]])(
    'plannedFor %j is refused with 400 naming the field, and nothing changes',
    async (plannedFor) => {
      const filed = await fileRequest(as.sales, { title: 'Sales deck refresh', typeId });
      const before = rowCounts(t);
      const problem = expectProblem(await as.marketer.patch(`/api/requests/${filed.id}`, { version: filed.version, plannedFor }), 400);
      expect(problem.errors?.map((e) => e.path)).toEqual(['plannedFor']);
      expect(rowCounts(t)).toEqual(before);
      expect(await getRequest(as.marketer, filed.id)).toEqual(filed);
    },
  );

  it('the dates at the ends of the accepted range are taken', async () => {
    const filed = await fileRequest(as.sales, { title: 'Partner one-pager', typeId });
    const first = ok<Request>(await as.marketer.patch(`/api/requests/${filed.id}`, { version: filed.version, plannedFor: '2000-01-01' }));
    const last = ok<Request>(await as.marketer.patch(`/api/requests/${filed.id}`, { version: first.version, plannedFor: '2099-12-31' }));
    expect([first.plannedFor, last.plannedFor]).toEqual(['2000-01-01', '2099-12-31']);
  });

  it('a stale version gets 409 and leaves the planned date alone', async () => {
    const filed = await fileRequest(as.sales, { title: 'Webinar invite', typeId });
    const planned = ok<Request>(await as.marketer.patch(`/api/requests/${filed.id}`, { version: filed.version, plannedFor: '2026-12-03' }));
    expectProblem(await as.cmo.patch(`/api/requests/${filed.id}`, { version: filed.version, plannedFor: '2026-12-09' }), 409);
    expect((await getRequest(as.cmo, filed.id)).plannedFor).toBe(planned.plannedFor);
  });

  it('board cards carry plannedFor', async () => {
    const filed = await fileRequest(as.sales, { title: 'Event photo selection', typeId });
    ok(await as.marketer.patch(`/api/requests/${filed.id}`, { version: filed.version, plannedFor: '2026-12-02' }));
    const board = ok<{ columns: { cards: { id: number; plannedFor: string | null }[] }[] }>(await as.marketer.get('/api/board'));
    expect(board.columns.flatMap((c) => c.cards).find((c) => c.id === filed.id)?.plannedFor).toBe('2026-12-02');
  });
});
