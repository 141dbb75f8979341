import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '@altitude/shared/requests';
import type { TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  classify,
  createDemoApp,
  departmentId,
  fileRequest,
  getRequest,
  listAll,
  moveTo,
  ok,
  requestTypeId,
  rowCounts,
  signIn,
  signInDemoAccounts,
  type DemoCallers,
} from './request-helpers';

const today = '2026-11-20';
const openStatuses = ['intake', 'planned', 'in_progress', 'in_review'];

let t: TestApp;
let as: DemoCallers;
let sales: number;
let product: number;
let marketing: number;
let eventBanner: number;
let marketResearch: number;

beforeAll(async () => {
  t = await createDemoApp();
  as = await signInDemoAccounts(t);
  sales = await departmentId(as.marketer, 'Sales');
  product = await departmentId(as.marketer, 'Product');
  marketing = await departmentId(as.marketer, 'Marketing');
  eventBanner = await requestTypeId(as.marketer, 'Event banner');
  marketResearch = await requestTypeId(as.marketer, 'Market research');
});
afterAll(() => t.app.close());

const activityOf = async (id: number) =>
  ok<{ items: { kind: string; actorId: number; field: string | null; from: string | null; to: string | null }[] }>(
    await as.marketer.get(`/api/requests/${id}/activity`),
  ).items;

describe('filing a request', () => {
  it('a requester files a request and gets it back as MKT-<id> in intake, in their department, with the type default only suggested', async () => {
    const res = await as.sales.post('/api/requests', {
      title: 'Roll-up banners for the Lisbon summit',
      typeId: eventBanner,
      brief: 'Two roll-ups in **brand colours**.',
      businessGoal: 'Pipeline from the summit',
      audience: 'CIOs',
      dueDate: '2026-12-15',
      priority: 'high',
    });
    const created = ok<Request>(res, 201);
    expect(created).toMatchObject({
      key: `MKT-${created.id}`,
      title: 'Roll-up banners for the Lisbon summit',
      brief: 'Two roll-ups in **brand colours**.',
      businessGoal: 'Pipeline from the summit',
      audience: 'CIOs',
      dueDate: '2026-12-15',
      priority: 'high',
      typeId: eventBanner,
      requesterId: as.sales.user.id,
      departmentId: sales,
      status: 'intake',
      resolution: null,
      classification: 'tactical',
      classificationSuggested: true,
      classificationNote: null,
      assigneeId: null,
      estimateMinutes: null,
      loggedMinutes: 0,
      version: 1,
      completedAt: null,
    });
    expect(created.position).toEqual(expect.any(String));
    expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);
    expect(await getRequest(as.sales, created.id)).toEqual(created);

    const log = await activityOf(created.id);
    expect(log).toEqual([expect.objectContaining({ kind: 'created', actorId: as.sales.user.id })]);
  });

  it('a request filed with only a title and a type gets normal priority, empty texts and no due date', async () => {
    const created = await fileRequest(as.product, { title: 'Launch one-pager', typeId: eventBanner });
    expect(created).toMatchObject({ priority: 'normal', brief: '', businessGoal: '', audience: '', dueDate: null, departmentId: product });
  });

  it('a strategic request type is suggested as strategic, still unconfirmed', async () => {
    const created = await fileRequest(as.exec, { title: 'Who buys in public sector?', typeId: marketResearch });
    expect(created).toMatchObject({ classification: 'strategic', classificationSuggested: true });
  });

  it('work a marketer files on the board is theirs and belongs to Marketing', async () => {
    const created = await fileRequest(as.marketer, { title: 'Messaging house refresh', typeId: marketResearch });
    expect(created).toMatchObject({ requesterId: as.marketer.user.id, departmentId: marketing, status: 'intake' });
  });

  it('a request without a title is refused with 400 naming title, and nothing is stored', async () => {
    const before = rowCounts(t);
    for (const payload of [{ typeId: eventBanner }, { title: '   ', typeId: eventBanner }]) {
      const body = expectProblem(await as.sales.post('/api/requests', payload), 400);
      expect(body.code).toBe('validation.failed');
      expect(body.errors).toEqual([{ path: 'title', message: expect.any(String) }]);
    }
    expect(rowCounts(t)).toEqual(before);
  });

  it('a request of an unknown type is refused with 422 naming typeId, and nothing is stored', async () => {
    const before = rowCounts(t);
    const body = expectProblem(await as.sales.post('/api/requests', { title: 'Banner', typeId: 9999 }), 422);
    expect(body.code).toBe('request.unknown_type');
    expect(body.errors).toEqual([{ path: 'typeId', message: expect.any(String) }]);
    expect(rowCounts(t)).toEqual(before);
  });

  it('a requester cannot choose what the server decides: an unknown field such as departmentId or status is a 400 naming it', async () => {
    const before = rowCounts(t);
    const body = expectProblem(
      await as.sales.post('/api/requests', { title: 'Banner', typeId: eventBanner, departmentId: product, status: 'done' }),
      400,
    );
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['departmentId', 'status']);
    expect(rowCounts(t)).toEqual(before);
  });

  it('a due date that is not a calendar date and an unknown priority are named', async () => {
    const body = expectProblem(
      await as.sales.post('/api/requests', { title: 'Banner', typeId: eventBanner, dueDate: '15/12/2026', priority: 'asap' }),
      400,
    );
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['dueDate', 'priority']);
  });
});

describe('who sees which requests', () => {
  let all: Request[];
  beforeAll(async () => {
    // One request certainly overdue, whatever the demo data holds today.
    await fileRequest(as.sales, { title: 'Late banner', typeId: eventBanner, dueDate: '2026-11-02' });
    all = await listAll(as.marketer);
  });

  it('marketers and leads see every request, newest first', async () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => b - a));
    expect((await listAll(as.cmo)).map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(new Set(all.map((r) => r.departmentId)).size).toBeGreaterThan(3);
  });

  it('a sales requester sees exactly the Sales requests and their own', async () => {
    const seen = await listAll(as.sales);
    const expected = all.filter((r) => r.departmentId === sales || r.requesterId === as.sales.user.id);
    expect(seen.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(seen.some((r) => r.requesterId !== as.sales.user.id)).toBe(true);
  });

  it("a requester of another department sees none of Sales' requests, by list or by id", async () => {
    const seen = await listAll(as.product);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.departmentId === product || r.requesterId === as.product.user.id)).toBe(true);

    const salesRequest = all.find((r) => r.departmentId === sales)!;
    const foreign = expectProblem(await as.product.get(`/api/requests/${salesRequest.id}`), 404);
    const missing = expectProblem(await as.product.get('/api/requests/999999'), 404);
    // A foreign id answers exactly like a missing one, so ids cannot be probed.
    expect(foreign).toEqual(missing);
    expect(foreign.code).toBe('request.not_found');
    expect((await as.product.get(`/api/requests?q=MKT-${salesRequest.id}`)).json().items).toEqual([]);
  });

  it('?mine=true narrows the list to the requests the caller filed', async () => {
    const mine = await listAll(as.sales, 'mine=true');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.requesterId === as.sales.user.id)).toBe(true);
    expect(mine.map((r) => r.id)).toEqual(all.filter((r) => r.requesterId === as.sales.user.id).map((r) => r.id));
    expect(await listAll(as.marketer, 'mine=true')).toEqual(all.filter((r) => r.requesterId === as.marketer.user.id));
  });

  it('the status filter takes one or more columns', async () => {
    const open = await listAll(as.marketer, 'status=intake,planned');
    expect(open.length).toBeGreaterThan(0);
    expect(open.map((r) => r.id)).toEqual(all.filter((r) => r.status === 'intake' || r.status === 'planned').map((r) => r.id));
  });

  it('the classification filter counts a suggested class as unclassified until a marketer confirms it', async () => {
    const unclassified = await listAll(as.marketer, 'classification=unclassified');
    expect(unclassified.length).toBeGreaterThan(0);
    expect(unclassified.map((r) => r.id)).toEqual(
      all.filter((r) => r.classification === null || r.classificationSuggested).map((r) => r.id),
    );
    const strategic = await listAll(as.marketer, 'classification=strategic');
    expect(strategic.length).toBeGreaterThan(0);
    expect(strategic.map((r) => r.id)).toEqual(
      all.filter((r) => r.classification === 'strategic' && !r.classificationSuggested).map((r) => r.id),
    );
    const both = await listAll(as.marketer, 'classification=strategic,tactical');
    expect(both.map((r) => r.id)).toEqual(all.filter((r) => r.classification !== null && !r.classificationSuggested).map((r) => r.id));
  });

  it('the department, type and assignee filters narrow the list to matching requests', async () => {
    const byDept = await listAll(as.marketer, `department=${product},${marketing}`);
    expect(byDept.map((r) => r.id)).toEqual(all.filter((r) => r.departmentId === product || r.departmentId === marketing).map((r) => r.id));

    const byType = await listAll(as.marketer, `type=${marketResearch}`);
    expect(byType.length).toBeGreaterThan(0);
    expect(byType.map((r) => r.id)).toEqual(all.filter((r) => r.typeId === marketResearch).map((r) => r.id));

    const assigned = await listAll(as.marketer, `assignee=${as.marketer.user.id}`);
    expect(assigned.length).toBeGreaterThan(0);
    expect(assigned.map((r) => r.id)).toEqual(all.filter((r) => r.assigneeId === as.marketer.user.id).map((r) => r.id));

    const unassigned = await listAll(as.marketer, `assignee=none,${as.cmo.user.id}`);
    expect(unassigned.map((r) => r.id)).toEqual(
      all.filter((r) => r.assigneeId === null || r.assigneeId === as.cmo.user.id).map((r) => r.id),
    );
  });

  it('filters combine with what a requester may see: a department filter cannot reveal another department', async () => {
    expect(await listAll(as.sales, `department=${product}`)).toEqual([]);
  });

  it('the text filter matches titles and request keys', async () => {
    const sample = all.find((r) => r.departmentId === sales)!;
    const word = sample.title.split(' ').find((w) => w.length > 4)!;
    const byWord = await listAll(as.marketer, `q=${encodeURIComponent(word.toLowerCase())}`);
    expect(byWord.map((r) => r.id)).toEqual(all.filter((r) => r.title.toLowerCase().includes(word.toLowerCase())).map((r) => r.id));
    expect((await listAll(as.marketer, `q=${sample.key}`)).map((r) => r.id)).toEqual([sample.id]);
    // LIKE wildcards are searched for literally.
    expect(await listAll(as.marketer, 'q=%25')).toEqual([]);
  });

  it('?overdue=true lists open requests whose due date has passed', async () => {
    const overdue = await listAll(as.marketer, 'overdue=true');
    expect(overdue.length).toBeGreaterThan(0);
    for (const r of overdue) {
      expect(r.dueDate! < today, r.key).toBe(true);
      expect(openStatuses, r.key).toContain(r.status);
    }
    expect(overdue.map((r) => r.id)).toEqual(
      all.filter((r) => r.dueDate !== null && r.dueDate < today && openStatuses.includes(r.status)).map((r) => r.id),
    );
  });

  it('the list pages by limit, with a nextCursor that is null on the last page', async () => {
    const first = ok<{ items: Request[]; nextCursor: string | null }>(await as.marketer.get('/api/requests?limit=10'));
    expect(first.items.map((r) => r.id)).toEqual(all.slice(0, 10).map((r) => r.id));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = ok<{ items: Request[]; nextCursor: string | null }>(
      await as.marketer.get(`/api/requests?limit=10&cursor=${first.nextCursor}`),
    );
    expect(second.items.map((r) => r.id)).toEqual(all.slice(10, 20).map((r) => r.id));

    const last = all.slice(-3);
    const tail = ok<{ items: Request[]; nextCursor: string | null }>(
      await as.marketer.get(`/api/requests?limit=3&cursor=${all[all.length - 4]!.id}`),
    );
    expect(tail.items.map((r) => r.id)).toEqual(last.map((r) => r.id));
    expect(tail.nextCursor).toBeNull();

    const defaultPage = ok<{ items: Request[] }>(await as.marketer.get('/api/requests'));
    expect(defaultPage.items).toHaveLength(50);
  });

  it('a bad filter or page size is a 400 naming the parameter', async () => {
    expect(expectProblem(await as.marketer.get('/api/requests?status=archived'), 400).errors?.[0]?.path).toMatch(/^status/);
    expect(expectProblem(await as.marketer.get('/api/requests?limit=0'), 400).errors?.[0]?.path).toBe('limit');
    expect(expectProblem(await as.marketer.get('/api/requests?limit=201'), 400).errors?.[0]?.path).toBe('limit');
    expect(expectProblem(await as.marketer.get('/api/requests?cursor=abc'), 400).errors?.[0]?.path).toBe('cursor');
    expect(expectProblem(await as.marketer.get('/api/requests?department=sales'), 400).errors?.[0]?.path).toBe('department');
  });
});

describe('editing a request', () => {
  it('a marketer edits a field with the current version: version goes up by one and the change is in the activity', async () => {
    const created = await fileRequest(as.sales, { title: 'Booth wall', typeId: eventBanner });
    const updated = ok<Request>(
      await as.marketer.patch(`/api/requests/${created.id}`, { version: 1, title: 'Booth wall for Web Summit', priority: 'urgent' }),
    );
    expect(updated).toMatchObject({ title: 'Booth wall for Web Summit', priority: 'urgent', version: 2 });
    expect(await activityOf(created.id)).toEqual([
      expect.objectContaining({ kind: 'created' }),
      expect.objectContaining({
        kind: 'updated',
        actorId: as.marketer.user.id,
        field: 'title',
        from: 'Booth wall',
        to: 'Booth wall for Web Summit',
      }),
      expect.objectContaining({ kind: 'updated', actorId: as.marketer.user.id, field: 'priority', from: 'normal', to: 'urgent' }),
    ]);
  });

  it('an edit carrying a stale version is refused with 409 and the current request, and nothing changes', async () => {
    const created = await fileRequest(as.sales, { title: 'Deck tweak', typeId: eventBanner });
    ok(await as.marketer.patch(`/api/requests/${created.id}`, { version: 1, priority: 'high' }));
    const current = await getRequest(as.marketer, created.id);
    const before = rowCounts(t);

    const res = await as.sales.patch(`/api/requests/${created.id}`, { version: 1, title: 'Deck tweak for Globex' });
    const body = expectProblem(res, 409);
    expect(body.code).toBe('request.version_conflict');
    expect(body.current).toEqual(current);
    expect(await getRequest(as.marketer, created.id)).toEqual(current);
    expect(rowCounts(t)).toEqual(before);
  });

  it('a marketer assigns and estimates: the activity says assigned and estimated, from and to', async () => {
    const created = await fileRequest(as.sales, { title: 'Swag for the roadshow', typeId: eventBanner });
    const updated = ok<Request>(
      await as.marketer.patch(`/api/requests/${created.id}`, { version: 1, assigneeId: as.marketer.user.id, estimateMinutes: 120 }),
    );
    expect(updated).toMatchObject({ assigneeId: as.marketer.user.id, estimateMinutes: 120, version: 2 });
    const log = await activityOf(created.id);
    expect(log.slice(1)).toEqual([
      expect.objectContaining({ kind: 'assigned', field: 'assigneeId', from: null, to: String(as.marketer.user.id) }),
      expect.objectContaining({ kind: 'estimated', field: 'estimateMinutes', from: null, to: '120' }),
    ]);
  });

  it('a request can only be assigned to an active marketer or lead, not to a requester', async () => {
    const created = await fileRequest(as.sales, { title: 'Leave-behind', typeId: eventBanner });
    const body = expectProblem(await as.marketer.patch(`/api/requests/${created.id}`, { version: 1, assigneeId: as.sales.user.id }), 422);
    expect(body.errors).toEqual([{ path: 'assigneeId', message: expect.any(String) }]);
    expect((await getRequest(as.marketer, created.id)).version).toBe(1);
  });

  it('a requester edits the texts of their own request while it is in intake', async () => {
    const created = await fileRequest(as.sales, { title: 'Banner', typeId: eventBanner });
    const updated = ok<Request>(
      await as.sales.patch(`/api/requests/${created.id}`, { version: 1, brief: 'Bigger logo', dueDate: '2026-12-01' }),
    );
    expect(updated).toMatchObject({ brief: 'Bigger logo', dueDate: '2026-12-01', version: 2 });
  });

  it('a requester cannot assign or estimate, even on their own request (403, nothing changed)', async () => {
    const created = await fileRequest(as.sales, { title: 'Banner for Berlin', typeId: eventBanner });
    const before = rowCounts(t);
    expect(
      expectProblem(await as.sales.patch(`/api/requests/${created.id}`, { version: 1, assigneeId: as.marketer.user.id }), 403).code,
    ).toBe('auth.forbidden');
    expectProblem(await as.sales.patch(`/api/requests/${created.id}`, { version: 1, estimateMinutes: 60 }), 403);
    expect(await getRequest(as.sales, created.id)).toEqual(created);
    expect(rowCounts(t)).toEqual(before);
  });

  it("a requester cannot edit a colleague's request (403) nor another department's (404)", async () => {
    const liam = await signIn(t, 'liam.sales@example.com');
    const colleagues = await fileRequest(liam, { title: "Liam's deck", typeId: eventBanner });
    expectProblem(await as.sales.patch(`/api/requests/${colleagues.id}`, { version: 1, title: 'Mine now' }), 403);
    expect(await getRequest(as.sales, colleagues.id)).toEqual(colleagues);

    const productRequest = await fileRequest(as.product, { title: 'Product one-pager', typeId: eventBanner });
    expect(expectProblem(await as.sales.patch(`/api/requests/${productRequest.id}`, { version: 1, title: 'Hijacked' }), 404).code).toBe(
      'request.not_found',
    );
    expect(await getRequest(as.product, productRequest.id)).toEqual(productRequest);
  });

  it('a requester cannot edit their own request once marketing has started on it', async () => {
    const created = await fileRequest(as.sales, { title: 'Case study draft', typeId: eventBanner });
    await classify(as.marketer, created.id, 'tactical');
    const planned = await moveTo(as.marketer, created.id, 'planned');
    expectProblem(await as.sales.patch(`/api/requests/${created.id}`, { version: planned.version, title: 'Changed my mind' }), 403);
    expect((await getRequest(as.sales, created.id)).title).toBe('Case study draft');
  });

  it('an edit without a version is refused with 400 naming version', async () => {
    const created = await fileRequest(as.sales, { title: 'Banner', typeId: eventBanner });
    expect(expectProblem(await as.marketer.patch(`/api/requests/${created.id}`, { title: 'x' }), 400).errors).toEqual([
      { path: 'version', message: expect.any(String) },
    ]);
  });
});

describe('classifying', () => {
  it('a marketer confirms the class with a note: no longer suggested, version up, classified in the activity', async () => {
    const created = await fileRequest(as.sales, { title: 'Event logistics for Paris', typeId: eventBanner });
    const classified = await classify(as.marketer, created.id, 'strategic', 'Flagship program');
    expect(classified).toMatchObject({
      classification: 'strategic',
      classificationSuggested: false,
      classificationNote: 'Flagship program',
      version: 2,
    });
    expect((await activityOf(created.id)).at(-1)).toMatchObject({
      kind: 'classified',
      actorId: as.marketer.user.id,
      field: 'classification',
      from: null,
      to: 'strategic',
    });
    expect((await listAll(as.marketer, 'classification=strategic')).map((r) => r.id)).toContain(created.id);
    expect((await listAll(as.marketer, 'classification=unclassified')).map((r) => r.id)).not.toContain(created.id);
  });

  it("re-typing an unconfirmed request moves the suggestion to the new type's default; a confirmed class stays", async () => {
    const unconfirmed = await fileRequest(as.sales, { title: 'Buyer research', typeId: eventBanner });
    const retyped = ok<Request>(await as.marketer.patch(`/api/requests/${unconfirmed.id}`, { version: 1, typeId: marketResearch }));
    expect(retyped).toMatchObject({ typeId: marketResearch, classification: 'strategic', classificationSuggested: true, version: 2 });

    const confirmed = await fileRequest(as.sales, { title: 'Booth banner', typeId: eventBanner });
    // Against Market research's default (strategic) the kept class needs a note saying why; it has one.
    const classified = await classify(as.marketer, confirmed.id, 'tactical', 'Booth artwork for one trade show');
    const kept = ok<Request>(
      await as.marketer.patch(`/api/requests/${confirmed.id}`, { version: classified.version, typeId: marketResearch }),
    );
    expect(kept).toMatchObject({ typeId: marketResearch, classification: 'tactical', classificationSuggested: false });
  });

  it('re-typing to an unknown type is a 422 naming typeId, and nothing changes', async () => {
    const created = await fileRequest(as.sales, { title: 'Banner', typeId: eventBanner });
    expect(expectProblem(await as.marketer.patch(`/api/requests/${created.id}`, { version: 1, typeId: 9999 }), 422).errors).toEqual([
      { path: 'typeId', message: expect.any(String) },
    ]);
    expect(await getRequest(as.marketer, created.id)).toEqual(created);
  });

  it('a requester cannot classify (403)', async () => {
    const created = await fileRequest(as.sales, { title: 'Banner', typeId: eventBanner });
    expectProblem(
      await as.sales.put(`/api/requests/${created.id}/classification`, { classification: 'strategic', version: created.version }),
      403,
    );
    expect(await getRequest(as.sales, created.id)).toEqual(created);
  });

  it('a classification with a stale version is refused with 409', async () => {
    const created = await fileRequest(as.sales, { title: 'Banner', typeId: eventBanner });
    await classify(as.marketer, created.id, 'tactical');
    const body = expectProblem(
      await as.marketer.put(`/api/requests/${created.id}/classification`, { classification: 'strategic', version: 1 }),
      409,
    );
    expect(body.current).toMatchObject({ classification: 'tactical', version: 2 });
  });
});

describe('cancelling', () => {
  it('a requester cancels their own request while it is in intake: declined, resolution cancelled', async () => {
    const created = await fileRequest(as.sales, { title: 'No longer needed', typeId: eventBanner });
    const cancelled = ok<Request>(await as.sales.post(`/api/requests/${created.id}/cancel`, { version: 1 }));
    expect(cancelled).toMatchObject({ status: 'declined', resolution: 'cancelled', version: 2, completedAt: expect.any(String) });
    expect((await activityOf(created.id)).at(-1)).toMatchObject({
      kind: 'cancelled',
      actorId: as.sales.user.id,
      from: 'intake',
      to: 'declined',
    });
  });

  it("a requester cannot cancel a colleague's request (403), nor another department's (404)", async () => {
    const mine = await fileRequest(as.sales, { title: 'Mine', typeId: eventBanner });
    const liam = await signIn(t, 'liam.sales@example.com');
    const salesmate = await fileRequest(liam, { title: "Liam's banner", typeId: eventBanner });
    expectProblem(await as.sales.post(`/api/requests/${salesmate.id}/cancel`, { version: 1 }), 403);
    expect(await getRequest(as.sales, salesmate.id)).toEqual(salesmate);
    expectProblem(await as.product.post(`/api/requests/${mine.id}/cancel`, { version: 1 }), 404);
    expectProblem(await as.marketer.post(`/api/requests/${mine.id}/cancel`, { version: 1 }), 403);
    expect(await getRequest(as.sales, mine.id)).toEqual(mine);
  });

  it('a request that has left intake cannot be cancelled (422)', async () => {
    const created = await fileRequest(as.sales, { title: 'Started already', typeId: eventBanner });
    await classify(as.marketer, created.id, 'tactical');
    const planned = await moveTo(as.marketer, created.id, 'planned');
    const before = rowCounts(t);
    expect(expectProblem(await as.sales.post(`/api/requests/${created.id}/cancel`, { version: planned.version }), 422).code).toBe(
      'request.not_in_intake',
    );
    expect(await getRequest(as.sales, created.id)).toEqual(planned);
    expect(rowCounts(t)).toEqual(before);
  });
});
