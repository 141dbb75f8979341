import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityList } from '@altitude/shared/activity';
import type { Initiative, InitiativeList, InitiativesReport } from '@altitude/shared/initiatives';
import type { TimeSplit } from '@altitude/shared/insights';
import type { Request } from '@altitude/shared/requests';
import { users } from '../src/db/schema';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { dbChecksum } from './route-calls';
import { addUser, classify, fileRequest, getRequest, moveTo, ok, requestTypeId, signIn, type Caller } from './request-helpers';

/**
 * Issue 13, "Strategic initiatives": leads keep initiatives (name, owner, quarter, goal), marketing
 * links confirmed strategic requests to one, and insights readers see hours, deliveries and open
 * work per initiative, with the strategic hours no initiative claims. Expected figures are worked
 * out by hand from the entries each test logs.
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

interface World {
  t: TestApp;
  clock: ReturnType<typeof movableClock>;
  lead: Caller;
  marketer: Caller;
  sales: Caller;
  exec: Caller;
  ids: Record<'gone' | 'sam', number>;
  type: Record<'banner' | 'research', number>;
  jump: (iso: string) => Promise<void>;
}

async function world(): Promise<World> {
  const clock = movableClock('2026-11-02T09:00:00.000Z');
  const t = await createTestApp({ seed: 'baseline', now: clock.now });
  await addUser(t, 'cmo@example.com', 'lead', 'Marketing');
  await addUser(t, 'max@example.com', 'marketer', 'Marketing');
  await addUser(t, 'gone@example.com', 'marketer', 'Marketing');
  await addUser(t, 'sam@example.com', 'requester', 'Sales');
  await addUser(t, 'elena@example.com', 'requester', 'Executive');
  t.app.db.update(users).set({ canViewInsights: true }).where(eq(users.email, 'elena@example.com')).run();
  t.app.db.update(users).set({ active: false }).where(eq(users.email, 'gone@example.com')).run();
  const idOf = (email: string) => t.app.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  const everyone = async () => ({
    lead: await signIn(t, 'cmo@example.com'),
    marketer: await signIn(t, 'max@example.com'),
    sales: await signIn(t, 'sam@example.com'),
    exec: await signIn(t, 'elena@example.com'),
  });
  const callers = await everyone();
  const w: World = {
    t,
    clock,
    ...callers,
    ids: { gone: idOf('gone@example.com'), sam: idOf('sam@example.com') },
    type: {
      banner: await requestTypeId(callers.lead, 'Event banner'), // defaults to tactical
      research: await requestTypeId(callers.lead, 'Market research'), // defaults to strategic
    },
    jump: async (iso) => {
      clock.set(iso);
      Object.assign(w, await everyone());
    },
  };
  return w;
}

const create = async (caller: Caller, body: Record<string, unknown>) => ok<Initiative>(await caller.post('/api/initiatives', body), 201);
const list = async (caller: Caller, query = '') => ok<InitiativeList>(await caller.get(`/api/initiatives${query}`)).items;
const link = (caller: Caller, request: Request, initiativeId: number | null) =>
  caller.patch(`/api/requests/${request.id}`, { version: request.version, initiativeId });
const activityOf = async (caller: Caller, id: number) => ok<ActivityList>(await caller.get(`/api/requests/${id}/activity`)).items;

async function log(caller: Caller, id: number, date: string, minutes: number) {
  ok(await caller.post(`/api/requests/${id}/time-entries`, { minutes, date }), 201);
}

describe('leads keep initiatives', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(() => w.t.app.close());

  it('a lead creates one (201); the list runs newest quarter first, then by name regardless of case', async () => {
    const owner = w.marketer.user.id;
    const beta = await create(w.lead, { name: 'Beta launch', ownerId: owner, quarter: '2026-Q4', goal: 'Ship the beta story.' });
    expect(beta).toEqual({
      id: expect.any(Number),
      name: 'Beta launch',
      ownerId: owner,
      quarter: '2026-Q4',
      goal: 'Ship the beta story.',
      archived: false,
    });
    const alpha = await create(w.lead, { name: 'alpha accounts', ownerId: w.lead.user.id, quarter: '2026-Q4' });
    expect(alpha.goal).toBe('');
    const zeta = await create(w.lead, { name: 'Zeta research', ownerId: owner, quarter: '2026-Q3' });
    const early = await create(w.lead, { name: 'Aardvark', ownerId: owner, quarter: '2025-Q4' });
    expect((await list(w.marketer)).map((i) => i.name)).toEqual(['alpha accounts', 'Beta launch', 'Zeta research', 'Aardvark']);
    expect((await list(w.marketer, '?quarter=2026-Q4')).map((i) => i.id)).toEqual([alpha.id, beta.id]);
    ok(await w.lead.patch(`/api/initiatives/${early.id}`, { archived: true }));
    expect((await list(w.lead, '?archived=false')).map((i) => i.id)).toEqual([alpha.id, beta.id, zeta.id]);
    expect((await list(w.lead, '?archived=true')).map((i) => i.id)).toEqual([early.id]);
    expect(await list(w.lead, '?quarter=2026-Q4&archived=true')).toEqual([]);
  });

  it('a name already used in the quarter is a 409 naming name, whatever its case; another quarter may reuse it', async () => {
    await create(w.lead, { name: 'Partner program', ownerId: w.marketer.user.id, quarter: '2026-Q4' });
    const before = dbChecksum(w.t.app.db);
    const body = expectProblem(
      await w.lead.post('/api/initiatives', { name: 'PARTNER program', ownerId: w.marketer.user.id, quarter: '2026-Q4' }),
      409,
    );
    expect(body.errors).toEqual([{ path: 'name', message: expect.any(String) }]);
    expect(dbChecksum(w.t.app.db)).toBe(before);
    const later = await create(w.lead, { name: 'Partner program', ownerId: w.marketer.user.id, quarter: '2027-Q1' });
    // Moving it into the quarter that has the name, or renaming onto it, clashes too.
    expectProblem(await w.lead.patch(`/api/initiatives/${later.id}`, { quarter: '2026-Q4' }), 409);
    const other = await create(w.lead, { name: 'Other', ownerId: w.marketer.user.id, quarter: '2026-Q4' });
    expectProblem(await w.lead.patch(`/api/initiatives/${other.id}`, { name: 'partner PROGRAM' }), 409);
    // Its own name, in any case, is not a clash with itself.
    expect(ok<Initiative>(await w.lead.patch(`/api/initiatives/${other.id}`, { name: 'OTHER' })).name).toBe('OTHER');
  });

  it.each([
    ['a requester', 'sam'],
    ['a deactivated marketer', 'gone'],
    ['nobody', 'missing'],
  ] as const)('an owner who is %s is a 422 naming ownerId, on create and on edit', async (_, who) => {
    const ownerId = who === 'missing' ? 987_654 : w.ids[who];
    const existing = await create(w.lead, { name: `Re-owned ${who}`, ownerId: w.marketer.user.id, quarter: '2026-Q4' });
    const before = dbChecksum(w.t.app.db);
    const body = expectProblem(await w.lead.post('/api/initiatives', { name: `Owned by ${who}`, ownerId, quarter: '2026-Q4' }), 422);
    expect(body.errors).toEqual([{ path: 'ownerId', message: expect.any(String) }]);
    const edit = expectProblem(await w.lead.patch(`/api/initiatives/${existing.id}`, { ownerId }), 422);
    expect(edit.errors).toEqual([{ path: 'ownerId', message: expect.any(String) }]);
    expect(dbChecksum(w.t.app.db)).toBe(before);
  });

  it('a lead edits the goal, owner, archives and restores; an unknown id is a 404', async () => {
    const it0 = await create(w.lead, { name: 'Edit me', ownerId: w.marketer.user.id, quarter: '2026-Q4' });
    const edited = ok<Initiative>(await w.lead.patch(`/api/initiatives/${it0.id}`, { goal: 'One line.', ownerId: w.lead.user.id }));
    expect(edited).toEqual({ ...it0, goal: 'One line.', ownerId: w.lead.user.id });
    expect(ok<Initiative>(await w.lead.patch(`/api/initiatives/${it0.id}`, { archived: true })).archived).toBe(true);
    expect(ok<Initiative>(await w.lead.patch(`/api/initiatives/${it0.id}`, { archived: false })).archived).toBe(false);
    expectProblem(await w.lead.patch('/api/initiatives/987654', { goal: 'x' }), 404);
  });

  it('bad input is a 400 naming the field: a quarter that is not YYYY-Qn, a blank name, an unknown field', async () => {
    const owner = w.marketer.user.id;
    for (const [body, path] of [
      [{ name: 'Q', ownerId: owner, quarter: '2026-Q5' }, 'quarter'],
      [{ name: 'Q', ownerId: owner, quarter: '1999-Q1' }, 'quarter'],
      [{ name: '  ', ownerId: owner, quarter: '2026-Q4' }, 'name'],
      [{ name: 'Q', quarter: '2026-Q4' }, 'ownerId'],
    ] as const) {
      const problem = expectProblem(await w.lead.post('/api/initiatives', body), 400);
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    }
    expectProblem(await w.lead.post('/api/initiatives', { name: 'Q', ownerId: owner, quarter: '2026-Q4', budget: 5 }), 400);
    expectProblem(await w.lead.get('/api/initiatives?archived=maybe'), 400);
  });

  it('by role: marketers read the list, only leads write; requesters (insights readers too) read nothing', async () => {
    const body = { name: 'Role check', ownerId: w.marketer.user.id, quarter: '2026-Q4' };
    const existing = (await list(w.lead))[0]!;
    const before = dbChecksum(w.t.app.db);
    expectProblem(await w.marketer.post('/api/initiatives', body), 403);
    expectProblem(await w.marketer.patch(`/api/initiatives/${existing.id}`, { goal: 'No' }), 403);
    for (const requester of [w.sales, w.exec]) {
      expectProblem(await requester.get('/api/initiatives'), 403);
      expectProblem(await requester.post('/api/initiatives', body), 403);
    }
    expect(dbChecksum(w.t.app.db)).toBe(before);
  });
});

describe('marketing links strategic requests to an initiative', () => {
  let w: World;
  let active: Initiative;
  let archived: Initiative;
  beforeAll(async () => {
    w = await world();
    active = await create(w.lead, { name: 'Brand platform', ownerId: w.marketer.user.id, quarter: '2026-Q4' });
    archived = await create(w.lead, { name: 'Old push', ownerId: w.marketer.user.id, quarter: '2026-Q3' });
    ok(await w.lead.patch(`/api/initiatives/${archived.id}`, { archived: true }));
  });
  afterAll(() => w.t.app.close());

  it('a marketer links a confirmed strategic request (version checked), the history says so, and unlinking is recorded too', async () => {
    const created = await fileRequest(w.sales, { title: 'Buyer interviews', typeId: w.type.research });
    const strategic = await classify(w.marketer, created.id, 'strategic');
    const linked = ok<Request>(await link(w.marketer, strategic, active.id));
    expect(linked).toMatchObject({ initiativeId: active.id, version: strategic.version + 1 });
    // The requester reads the link on their request.
    expect((await getRequest(w.sales, created.id)).initiativeId).toBe(active.id);
    // A stale version is a 409 with the request as it stands.
    const stale = expectProblem(await link(w.marketer, strategic, null), 409);
    expect((stale.current as Request).initiativeId).toBe(active.id);
    const unlinked = ok<Request>(await link(w.lead, linked, null));
    expect(unlinked).toMatchObject({ initiativeId: null, version: linked.version + 1 });
    const history = (await activityOf(w.marketer, created.id)).filter((a) => a.field === 'initiative');
    expect(history.map((a) => [a.kind, a.from, a.to])).toEqual([
      ['linked', null, 'Brand platform'],
      ['unlinked', 'Brand platform', null],
    ]);
    // Sending the same link again changes nothing.
    expect(ok<Request>(await link(w.marketer, unlinked, null)).version).toBe(unlinked.version);
  });

  it('a requester sending initiativeId, even on their own request in intake, is a 403 naming it', async () => {
    const created = await fileRequest(w.sales, { title: 'My research', typeId: w.type.research });
    const before = dbChecksum(w.t.app.db);
    const body = expectProblem(await link(w.sales, created, active.id), 403);
    expect(body.errors).toEqual([{ path: 'initiativeId', message: expect.any(String) }]);
    expectProblem(await link(w.sales, created, null), 403);
    expect(dbChecksum(w.t.app.db)).toBe(before);
  });

  it('a request not classified strategic (tactical, or only suggested strategic), an archived or an unknown initiative: 422 naming initiativeId', async () => {
    const suggested = await fileRequest(w.sales, { title: 'Suggested strategic', typeId: w.type.research });
    expect(suggested).toMatchObject({ classification: 'strategic', classificationSuggested: true });
    const tactical = await classify(w.marketer, (await fileRequest(w.sales, { title: 'A banner', typeId: w.type.banner })).id, 'tactical');
    const strategic = await classify(
      w.marketer,
      (await fileRequest(w.sales, { title: 'Positioning', typeId: w.type.research })).id,
      'strategic',
    );
    const before = dbChecksum(w.t.app.db);
    for (const [request, initiativeId] of [
      [suggested, active.id],
      [tactical, active.id],
      [strategic, archived.id],
      [strategic, 987_654],
    ] as const) {
      const body = expectProblem(await link(w.marketer, request, initiativeId), 422);
      expect(body.errors).toEqual([{ path: 'initiativeId', message: expect.any(String) }]);
    }
    expect(dbChecksum(w.t.app.db)).toBe(before);
  });

  it('reclassifying a linked request as tactical unlinks it in the same change, and the history records both', async () => {
    const created = await fileRequest(w.sales, { title: 'Pricing study', typeId: w.type.research });
    const strategic = await classify(w.marketer, created.id, 'strategic');
    const linked = ok<Request>(await link(w.marketer, strategic, active.id));
    const tactical = ok<Request>(
      await w.marketer.put(`/api/requests/${created.id}/classification`, {
        classification: 'tactical',
        note: 'Only a price sheet',
        version: linked.version,
      }),
    );
    expect(tactical).toMatchObject({ classification: 'tactical', initiativeId: null, version: linked.version + 1 });
    const last = (await activityOf(w.marketer, created.id)).slice(-2);
    expect(last.map((a) => [a.kind, a.from, a.to])).toEqual([
      ['classified', 'strategic', 'tactical'],
      ['unlinked', 'Brand platform', null],
    ]);
    // Confirming strategic again keeps whatever link it has: none.
    expect((await classify(w.marketer, created.id, 'strategic')).initiativeId).toBeNull();
  });
});

describe('Insights: hours, deliveries and open work per initiative, and strategic hours without one', () => {
  let w: World;
  const ids = {} as Record<'a' | 'b' | 'empty' | 'old', number>;
  const period = 'from=2026-11-02&to=2026-11-15';

  beforeAll(async () => {
    w = await world();
    const owner = w.marketer.user.id;
    ids.a = (await create(w.lead, { name: 'Alpha', ownerId: owner, quarter: '2026-Q4' })).id;
    ids.b = (await create(w.lead, { name: 'Bravo', ownerId: w.lead.user.id, quarter: '2026-Q4' })).id;
    ids.empty = (await create(w.lead, { name: 'Charlie', ownerId: owner, quarter: '2026-Q4' })).id;
    // Archived, last quarter, nothing in the period: not listed.
    ids.old = (await create(w.lead, { name: 'Delta', ownerId: owner, quarter: '2026-Q3' })).id;
    ok(await w.lead.patch(`/api/initiatives/${ids.old}`, { archived: true }));

    const strategic = async (title: string, initiativeId: number | null) => {
      const r = await classify(w.marketer, (await fileRequest(w.sales, { title, typeId: w.type.research })).id, 'strategic');
      return initiativeId === null ? r : ok<Request>(await link(w.marketer, r, initiativeId));
    };
    const r1 = await strategic('Alpha delivered', ids.a);
    const r2 = await strategic('Alpha open', ids.a);
    const r3 = await strategic('Bravo open', ids.b);
    const r4 = await strategic('Strategic in name only', null);
    const r5 = await classify(w.marketer, (await fileRequest(w.sales, { title: 'Tactical banner', typeId: w.type.banner })).id, 'tactical');

    await w.jump('2026-11-14T10:00:00.000Z');
    await log(w.marketer, r1.id, '2026-11-03', 120);
    await log(w.marketer, r1.id, '2026-11-10', 60);
    await log(w.marketer, r2.id, '2026-11-05', 90);
    await log(w.lead, r3.id, '2026-11-06', 45);
    await log(w.marketer, r4.id, '2026-11-04', 200);
    await log(w.marketer, r5.id, '2026-11-04', 300);
    await moveTo(w.marketer, r1.id, 'done');
    // After the period: neither the report nor the split counts it.
    await w.jump('2026-11-17T10:00:00.000Z');
    await log(w.marketer, r2.id, '2026-11-16', 500);
  });
  afterAll(() => w.t.app.close());

  it('the report lists each initiative with minutes in the period, deliveries in the period and open requests now', async () => {
    const report = ok<InitiativesReport>(await w.exec.get(`/api/reports/initiatives?${period}`));
    // Alpha: 120 + 60 on the delivered one, 90 on the open one; Bravo: 45; Charlie: active this quarter, nothing yet.
    expect(report.items).toEqual([
      {
        initiativeId: ids.a,
        name: 'Alpha',
        ownerId: w.marketer.user.id,
        quarter: '2026-Q4',
        strategicMinutes: 270,
        minutes: 270,
        delivered: 1,
        open: 1,
      },
      {
        initiativeId: ids.b,
        name: 'Bravo',
        ownerId: w.lead.user.id,
        quarter: '2026-Q4',
        strategicMinutes: 45,
        minutes: 45,
        delivered: 0,
        open: 1,
      },
      {
        initiativeId: ids.empty,
        name: 'Charlie',
        ownerId: w.marketer.user.id,
        quarter: '2026-Q4',
        strategicMinutes: 0,
        minutes: 0,
        delivered: 0,
        open: 0,
      },
    ]);
    // 200 strategic minutes on one request with no initiative; the 300 tactical ones are not strategic.
    expect(report.unlinked).toEqual({ strategicMinutes: 200, requests: 1 });
  });

  it('a period before the work lists this quarter’s active initiatives with open work only', async () => {
    const report = ok<InitiativesReport>(await w.lead.get('/api/reports/initiatives?from=2026-10-01&to=2026-10-31'));
    expect(report.items.map((i) => [i.name, i.minutes, i.delivered, i.open])).toEqual([
      ['Alpha', 0, 0, 1],
      ['Bravo', 0, 0, 1],
      ['Charlie', 0, 0, 0],
    ]);
    expect(report.unlinked).toEqual({ strategicMinutes: 0, requests: 0 });
  });

  it('the time split by initiative: one group per initiative, and "No initiative" for the rest (tactical time included)', async () => {
    const split = ok<TimeSplit>(await w.exec.get(`/api/reports/time-split?${period}&groupBy=initiative`));
    expect(split.total).toMatchObject({ strategicMinutes: 515, tacticalMinutes: 300, unclassifiedMinutes: 0, totalMinutes: 815 });
    expect(split.groups.map((g) => [g.key, g.label, g.strategicMinutes, g.tacticalMinutes, g.requestCount])).toEqual([
      ['none', 'No initiative', 200, 300, 2],
      [String(ids.a), 'Alpha', 270, 0, 2],
      [String(ids.b), 'Bravo', 45, 0, 1],
    ]);
  });

  it('by role: insights readers read the report; marketers and other requesters are refused', async () => {
    ok(await w.lead.get(`/api/reports/initiatives?${period}`));
    expectProblem(await w.marketer.get(`/api/reports/initiatives?${period}`), 403);
    expectProblem(await w.sales.get(`/api/reports/initiatives?${period}`), 403);
    expectProblem(await w.marketer.get(`/api/reports/time-split?${period}&groupBy=initiative`), 403);
  });
});
