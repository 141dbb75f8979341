import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '@altitude/shared/requests';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, fileRequest, getRequest, ok, signIn, tickingClock, type Caller } from './request-helpers';
import { dbChecksum } from './route-calls';

/** Work goes to people who do marketing work and can still sign in: active marketers and leads. */
describe('assigning a request', () => {
  let t: TestApp;
  let lead: Caller;
  let marketer: Caller;
  let sales: Caller;
  let departedId: number;
  let typeId: number;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: tickingClock() });
    await addUser(t, 'lead@example.com', 'lead', 'Marketing');
    await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
    await addUser(t, 'departed@example.com', 'marketer', 'Marketing');
    await addUser(t, 'sales@example.com', 'requester', 'Sales');
    lead = await signIn(t, 'lead@example.com');
    marketer = await signIn(t, 'marketer@example.com');
    sales = await signIn(t, 'sales@example.com');
    // The marketer who left: a lead deactivates them the way Settings does.
    departedId = (await signIn(t, 'departed@example.com')).user.id;
    expect(ok<{ active: boolean }>(await lead.patch(`/api/users/${departedId}`, { active: false })).active).toBe(false);
    typeId = ok<{ items: { id: number }[] }>(await sales.get('/api/request-types')).items[0]!.id;
  });
  afterAll(() => t.app.close());

  async function refusedAssignment(request: Request, assigneeId: number, by: Caller) {
    const before = dbChecksum(t.app.db);
    const body = expectProblem(await by.patch(`/api/requests/${request.id}`, { version: request.version, assigneeId }), 422);
    expect(body.errors).toEqual([{ path: 'assigneeId', message: expect.any(String) }]);
    expect(dbChecksum(t.app.db)).toBe(before);
    expect(await getRequest(by, request.id)).toEqual(request);
  }

  it('to a deactivated marketer is refused with 422 naming assigneeId, and nothing changes', async () => {
    const request = await fileRequest(sales, { title: 'Banner for the fair', typeId });
    await refusedAssignment(request, departedId, marketer);
    await refusedAssignment(request, departedId, lead);
  });

  it('to a requester (even the one who filed it) is refused with 422 naming assigneeId, and nothing changes', async () => {
    const request = await fileRequest(sales, { title: 'Deck tweak', typeId });
    await refusedAssignment(request, sales.user.id, marketer);
  });

  it('to someone who does not exist is refused with 422 naming assigneeId, and nothing changes', async () => {
    const request = await fileRequest(sales, { title: 'One-pager', typeId });
    await refusedAssignment(request, 987_654, marketer);
  });

  it('a request already assigned keeps its assignee when a reassignment is refused', async () => {
    const filed = await fileRequest(sales, { title: 'Press release', typeId });
    const assigned = ok<Request>(
      await marketer.patch(`/api/requests/${filed.id}`, { version: filed.version, assigneeId: marketer.user.id }),
    );
    expect(assigned.assigneeId).toBe(marketer.user.id);
    await refusedAssignment(assigned, departedId, marketer);
  });

  it('to an active marketer or lead succeeds, and can be cleared again', async () => {
    const filed = await fileRequest(sales, { title: 'Customer email', typeId });
    const toMarketer = ok<Request>(await lead.patch(`/api/requests/${filed.id}`, { version: filed.version, assigneeId: marketer.user.id }));
    expect(toMarketer).toMatchObject({ assigneeId: marketer.user.id, version: filed.version + 1 });
    const toLead = ok<Request>(
      await marketer.patch(`/api/requests/${filed.id}`, { version: toMarketer.version, assigneeId: lead.user.id }),
    );
    expect(toLead.assigneeId).toBe(lead.user.id);
    const cleared = ok<Request>(await marketer.patch(`/api/requests/${filed.id}`, { version: toLead.version, assigneeId: null }));
    expect(cleared.assigneeId).toBeNull();
  });

  it('a marketer deactivated after being assigned can be assigned again once reactivated', async () => {
    const filed = await fileRequest(sales, { title: 'Social post', typeId });
    await refusedAssignment(filed, departedId, marketer);
    ok(await lead.patch(`/api/users/${departedId}`, { active: true }));
    expect(
      ok<Request>(await marketer.patch(`/api/requests/${filed.id}`, { version: filed.version, assigneeId: departedId })).assigneeId,
    ).toBe(departedId);
  });
});
