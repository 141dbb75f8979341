import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityList } from '@altitude/shared/activity';
import type { Overrides } from '@altitude/shared/overrides';
import type { Request } from '@altitude/shared/requests';
import { settings, users } from '../src/db/schema';
import { boardViewKey } from '../src/modules/settings/board-view';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { dbChecksum } from './route-calls';
import { addUser, fileRequest, getRequest, moveTo, ok, requestTypeId, signIn, type Caller } from './request-helpers';

/**
 * Issue 11, "classification that cannot be gamed quietly": a class against the type's default
 * needs a note (422 otherwise), changing a class after work started is recorded and counted, and
 * `GET /api/reports/overrides` shows the overrides and how far they move the strategic share.
 * Every expected figure below is worked out by hand from the entries each test logs.
 */

/** A clock the test can move: requests are filed on one day and time logged on later ones. */
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
  product: Caller;
  exec: Caller;
  type: Record<'banner' | 'deck' | 'research', number>;
  /** Moves the clock and signs everyone in again (sessions idle out after 12 hours). */
  jump: (iso: string) => Promise<void>;
}

async function world(): Promise<World> {
  const clock = movableClock('2026-11-02T10:00:00.000Z');
  const t = await createTestApp({ seed: 'baseline', now: clock.now });
  await addUser(t, 'cmo@example.com', 'lead', 'Marketing');
  await addUser(t, 'max@example.com', 'marketer', 'Marketing');
  await addUser(t, 'sam@example.com', 'requester', 'Sales');
  await addUser(t, 'priya@example.com', 'requester', 'Product');
  await addUser(t, 'elena@example.com', 'requester', 'Executive');
  t.app.db.update(users).set({ canViewInsights: true }).where(eq(users.email, 'elena@example.com')).run();
  const everyone = async () => ({
    lead: await signIn(t, 'cmo@example.com'),
    marketer: await signIn(t, 'max@example.com'),
    sales: await signIn(t, 'sam@example.com'),
    product: await signIn(t, 'priya@example.com'),
    exec: await signIn(t, 'elena@example.com'),
  });
  const callers = await everyone();
  const { lead } = callers;
  const w: World = {
    t,
    clock,
    ...callers,
    jump: async (iso) => {
      clock.set(iso);
      Object.assign(w, await everyone());
    },
    type: {
      banner: await requestTypeId(lead, 'Event banner'), // defaults to tactical
      deck: await requestTypeId(lead, 'Sales deck update'), // tactical
      research: await requestTypeId(lead, 'Market research'), // strategic
    },
  };
  return w;
}

const put = (caller: Caller, id: number, body: Record<string, unknown>) => caller.put(`/api/requests/${id}/classification`, body);

async function classifyAs(caller: Caller, id: number, classification: 'strategic' | 'tactical', note?: string | null): Promise<Request> {
  const { version } = await getRequest(caller, id);
  return ok<Request>(await put(caller, id, { classification, version, ...(note === undefined ? {} : { note }) }));
}

/** Logs `minutes` on `date` in entries of at most a day each (the API's limit per entry). */
async function log(caller: Caller, id: number, date: string, minutes: number) {
  for (let left = minutes; left > 0; left -= 1440) {
    ok(await caller.post(`/api/requests/${id}/time-entries`, { minutes: Math.min(1440, left), date }), 201);
  }
}

const activityOf = async (caller: Caller, id: number) => ok<ActivityList>(await caller.get(`/api/requests/${id}/activity`)).items;

describe('a class against the type default needs a note', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(() => w.t.app.close());

  it.each([
    ['a tactical type classified strategic', 'banner', 'strategic', 'tactical'],
    ['a strategic type classified tactical', 'research', 'tactical', 'strategic'],
  ] as const)('%s without a note is a 422 naming note, and nothing changes', async (_, typeKey, classification, defaultClass) => {
    const created = await fileRequest(w.sales, { title: `Override ${classification}`, typeId: w.type[typeKey] });
    for (const note of [undefined, null, '', '   ', '\n\t ', '\u200B']) {
      const before = dbChecksum(w.t.app.db);
      const body = expectProblem(
        await put(w.marketer, created.id, { classification, version: created.version, ...(note === undefined ? {} : { note }) }),
        422,
      );
      expect(body.code).toBe('request.override_needs_note');
      expect(body.errors).toEqual([{ path: 'note', message: expect.stringContaining(defaultClass) }]);
      expect(dbChecksum(w.t.app.db), `note ${JSON.stringify(note)}`).toBe(before);
    }
    expect(await getRequest(w.marketer, created.id)).toEqual(created);
    const done = await classifyAs(w.marketer, created.id, classification, 'Part of the brand launch');
    expect(done).toMatchObject({ classification, classificationSuggested: false, classificationNote: 'Part of the brand launch' });
  });

  it("needs no note when the class is the type's default", async () => {
    const banner = await fileRequest(w.sales, { title: 'Roll-up banner', typeId: w.type.banner });
    expect(await classifyAs(w.marketer, banner.id, 'tactical')).toMatchObject({ classification: 'tactical', classificationNote: null });
    const research = await fileRequest(w.sales, { title: 'Buyer interviews', typeId: w.type.research });
    expect(await classifyAs(w.marketer, research.id, 'strategic')).toMatchObject({ classification: 'strategic' });
  });

  it('still needs the version, note or not: 400 naming version', async () => {
    const created = await fileRequest(w.sales, { title: 'No version', typeId: w.type.banner });
    const body = expectProblem(await put(w.marketer, created.id, { classification: 'strategic', note: 'Flagship' }), 400);
    expect(body.errors).toEqual([{ path: 'version', message: expect.any(String) }]);
    expect(await getRequest(w.marketer, created.id)).toEqual(created);
  });

  it('a note explains one class: switching to the other class without a new note drops it, and against the default is refused', async () => {
    const created = await fileRequest(w.sales, { title: 'Keynote deck', typeId: w.type.research });
    await classifyAs(w.marketer, created.id, 'strategic', 'Core positioning');
    // To tactical (against the strategic default): the old note says why it was strategic, so it cannot count.
    const before = await getRequest(w.marketer, created.id);
    expectProblem(await put(w.marketer, created.id, { classification: 'tactical', version: before.version }), 422);
    expect(await getRequest(w.marketer, created.id)).toEqual(before);
    // Re-sending the same overriding class keeps its note without repeating it.
    const banner = await fileRequest(w.sales, { title: 'Brand film stills', typeId: w.type.banner });
    const first = await classifyAs(w.marketer, banner.id, 'strategic', 'Brand campaign asset');
    const again = ok<Request>(await put(w.lead, banner.id, { classification: 'strategic', version: first.version }));
    expect(again).toMatchObject({ classificationNote: 'Brand campaign asset', version: first.version });
  });

  it("retyping a classified request to a type whose default differs needs the class's note first (422 naming typeId)", async () => {
    const created = await fileRequest(w.sales, { title: 'Booth wall', typeId: w.type.banner });
    const classified = await classifyAs(w.marketer, created.id, 'tactical');
    const before = dbChecksum(w.t.app.db);
    const body = expectProblem(
      await w.marketer.patch(`/api/requests/${created.id}`, { typeId: w.type.research, version: classified.version }),
      422,
    );
    expect(body.code).toBe('request.retype_needs_note');
    expect(body.errors).toEqual([{ path: 'typeId', message: expect.any(String) }]);
    expect(dbChecksum(w.t.app.db)).toBe(before);
    // With a note saying why it is tactical, the retype goes through and the class stays.
    const noted = await classifyAs(w.marketer, created.id, 'tactical', 'One booth at one fair');
    const retyped = ok<Request>(await w.marketer.patch(`/api/requests/${created.id}`, { typeId: w.type.research, version: noted.version }));
    expect(retyped).toMatchObject({ typeId: w.type.research, classification: 'tactical', classificationNote: 'One booth at one fair' });
    // An unconfirmed request follows its new type's default, so it never needs a note.
    const suggested = await fileRequest(w.sales, { title: 'Survey', typeId: w.type.banner });
    ok(await w.marketer.patch(`/api/requests/${suggested.id}`, { typeId: w.type.research, version: suggested.version }));
  });
});

describe('reclassifying after work started', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(() => w.t.app.close());

  it('is recorded with old → new class and counted; a first confirmation or a class changed before any work is not', async () => {
    await w.jump('2026-11-16T10:00:00.000Z');
    // Left intake: work started.
    const moved = await fileRequest(w.sales, { title: 'Launch banner', typeId: w.type.banner });
    await classifyAs(w.marketer, moved.id, 'tactical');
    await moveTo(w.marketer, moved.id, 'in_progress');
    await classifyAs(w.marketer, moved.id, 'strategic', 'Turned into the campaign key visual');
    expect((await activityOf(w.marketer, moved.id)).at(-1)).toMatchObject({
      kind: 'reclassified_after_start',
      field: 'classification',
      from: 'tactical',
      to: 'strategic',
      actorId: w.marketer.user.id,
    });
    // Still in intake, but time was logged: work started too.
    const logged = await fileRequest(w.sales, { title: 'Market sizing', typeId: w.type.research });
    await classifyAs(w.marketer, logged.id, 'strategic');
    await log(w.marketer, logged.id, '2026-11-16', 90);
    await classifyAs(w.lead, logged.id, 'tactical', 'Only a slide for one deal');
    expect((await activityOf(w.lead, logged.id)).at(-1)).toMatchObject({
      kind: 'reclassified_after_start',
      from: 'strategic',
      to: 'tactical',
    });
    // Not counted: confirming a suggestion after time was logged, and changing the class before any work.
    const confirmedLate = await fileRequest(w.sales, { title: 'Stand graphics', typeId: w.type.banner });
    await log(w.marketer, confirmedLate.id, '2026-11-16', 30);
    await classifyAs(w.marketer, confirmedLate.id, 'strategic', 'Flagship event');
    expect((await activityOf(w.marketer, confirmedLate.id)).at(-1)).toMatchObject({ kind: 'classified', from: null, to: 'strategic' });
    const early = await fileRequest(w.sales, { title: 'Web banner', typeId: w.type.banner });
    await classifyAs(w.marketer, early.id, 'strategic', 'Brand campaign');
    await classifyAs(w.marketer, early.id, 'tactical');
    expect((await activityOf(w.marketer, early.id)).at(-1)).toMatchObject({ kind: 'classified', from: 'strategic', to: 'tactical' });
    // A note edit on the same class after work started is no reclassification.
    await classifyAs(w.marketer, moved.id, 'strategic', 'Key visual for the whole campaign');
    expect((await activityOf(w.marketer, moved.id)).filter((a) => a.kind === 'reclassified_after_start')).toHaveLength(1);

    await w.jump('2026-11-20T10:00:00.000Z');
    const report = (from: string, to: string) => w.lead.get(`/api/reports/overrides?from=${from}&to=${to}`);
    expect(ok<Overrides>(await report('2026-11-16', '2026-11-16')).total.reclassifiedAfterStart).toBe(2);
    expect(ok<Overrides>(await report('2026-11-17', '2026-11-20')).total.reclassifiedAfterStart).toBe(0);
  });
});

describe('the overrides report', () => {
  let w: World;
  let ids: Record<'a' | 'b' | 'g' | 'c' | 'd' | 'old', number>;
  const url = '/api/reports/overrides?from=2026-11-10&to=2026-11-20';
  beforeAll(async () => {
    w = await world();
    // Filed and worked on 2 November, outside the period: an override whose time must not count.
    const old = await fileRequest(w.sales, { title: 'Old banner', typeId: w.type.banner });
    await classifyAs(w.marketer, old.id, 'strategic', 'Brand relaunch');
    await log(w.marketer, old.id, '2026-11-02', 240);

    await w.jump('2026-11-12T10:00:00.000Z');
    const file = async (caller: Caller, title: string, typeId: number) => (await fileRequest(caller, { title, typeId })).id;
    ids = {
      old: old.id,
      a: await file(w.sales, 'A: banner made strategic', w.type.banner),
      b: await file(w.product, 'B: research made tactical', w.type.research),
      g: await file(w.sales, 'G: deck made strategic', w.type.deck),
      c: await file(w.sales, 'C: banner, tactical', w.type.banner),
      d: await file(w.product, 'D: research, strategic', w.type.research),
    };
    await classifyAs(w.marketer, ids.a, 'strategic', 'Flagship event for the brand');
    await classifyAs(w.lead, ids.b, 'tactical', 'One slide for one deal');
    await classifyAs(w.lead, ids.g, 'strategic', 'New pitch narrative');
    await classifyAs(w.marketer, ids.c, 'tactical');
    await classifyAs(w.marketer, ids.d, 'strategic');
    // 100 h in the period: A 10 h, B 5 h, G 2 h, C 48 h, D 35 h.
    await log(w.marketer, ids.a, '2026-11-12', 600);
    await log(w.marketer, ids.b, '2026-11-12', 300);
    await log(w.marketer, ids.g, '2026-11-12', 120);
    await log(w.marketer, ids.c, '2026-11-12', 2880);
    await log(w.marketer, ids.d, '2026-11-12', 2100);
    await w.jump('2026-11-20T10:00:00.000Z');
  });
  afterAll(() => w.t.app.close());

  it('lists requests classified against their default with their minutes in the period, and the share they move', async () => {
    const body = ok<Overrides>(await w.lead.get(url));
    // Reported: strategic = A 600 + G 120 + D 2100 = 2820 of 6000 = 0.47. At the defaults B and D
    // are strategic: 300 + 2100 = 2400 of 6000 = 0.40. Effect +0.07 (A +0.10, G +0.02, B −0.05).
    expect(body.total).toMatchObject({ count: 3, minutes: 1020, loggedMinutes: 6000, reclassifiedAfterStart: 0 });
    expect(body.total.shareEffect).toBeCloseTo(0.07, 12);
    expect(body.total.strategicShare).toBeCloseTo(0.47, 12);
    expect(body.total.shareAtDefaults).toBeCloseTo(0.4, 12);
    expect(body.items).toEqual([
      {
        requestId: ids.a,
        key: `MKT-${ids.a}`,
        title: 'A: banner made strategic',
        typeId: w.type.banner,
        departmentId: w.sales.user.departmentId,
        defaultClassification: 'tactical',
        classification: 'strategic',
        minutes: 600,
        classifiedById: w.marketer.user.id,
        note: 'Flagship event for the brand',
      },
      expect.objectContaining({ requestId: ids.b, defaultClassification: 'strategic', classification: 'tactical', minutes: 300 }),
      expect.objectContaining({ requestId: ids.g, classifiedById: w.lead.user.id, minutes: 120, note: 'New pitch narrative' }),
    ]);
    const rounded = (groups: Overrides['byDepartment']) =>
      groups.map((g) => ({ ...g, shareEffect: Math.round(g.shareEffect * 1e9) / 1e9 }));
    expect(rounded(body.byDepartment)).toEqual([
      { key: String(w.sales.user.departmentId), label: 'Sales', count: 2, minutes: 720, shareEffect: 0.12 },
      { key: String(w.product.user.departmentId), label: 'Product', count: 1, minutes: 300, shareEffect: -0.05 },
    ]);
    expect(rounded(body.byClassifier!)).toEqual([
      { key: String(w.marketer.user.id), label: 'max', count: 1, minutes: 600, shareEffect: 0.1 },
      { key: String(w.lead.user.id), label: 'cmo', count: 2, minutes: 420, shareEffect: -0.03 },
    ]);
  });

  it('counts only time inside the period: the period of the old override alone shows it, with its 4 h', async () => {
    const body = ok<Overrides>(await w.lead.get('/api/reports/overrides?from=2026-11-01&to=2026-11-09'));
    expect(body.items.map((i) => [i.requestId, i.minutes])).toEqual([[ids.old, 240]]);
    // All 240 minutes of the period are that override's: at its default it would be tactical, so +1.
    expect(body.total.shareEffect).toBe(1);
  });

  it('the same figures are an insight when they move the share by more than a point', async () => {
    const insights = ok<{ items: { id: string; text: string; figures: Record<string, number> }[] }>(
      await w.lead.get('/api/reports/insights?from=2026-11-10&to=2026-11-20'),
    ).items;
    const overrides = insights.find((i) => i.id === 'overrides-move-share');
    expect(overrides?.text).toBe(
      '2 requests of tactical types were classified strategic and 1 request of strategic types was classified tactical; together they lift the share by 7 points (from 40 % to 47 %).',
    );
  });

  it('an insights reader sees the report; in the board view, without who classified', async () => {
    expect(ok<Overrides>(await w.exec.get(url)).byClassifier).toHaveLength(2);
    w.t.app.db.insert(settings).values({ key: boardViewKey, value: 'true' }).run();
    try {
      const hidden = ok<Overrides>(await w.exec.get(url));
      expect(hidden.byClassifier).toBeUndefined();
      expect(hidden.items.map((i) => i.classifiedById)).toEqual([null, null, null]);
      expect(hidden.byDepartment).toHaveLength(2);
      expect(hidden.total.count).toBe(3);
      // Leads still see everything.
      expect(ok<Overrides>(await w.lead.get(url)).items[0]!.classifiedById).toBe(w.marketer.user.id);
    } finally {
      w.t.app.db.delete(settings).where(eq(settings.key, boardViewKey)).run();
    }
  });

  it('marketers and requesters without Insights get 403; a bad period is a 400 naming the field', async () => {
    expectProblem(await w.marketer.get(url), 403);
    expectProblem(await w.sales.get(url), 403);
    const body = expectProblem(await w.lead.get('/api/reports/overrides?from=2026-13-01'), 400);
    expect(body.errors?.[0]?.path).toBe('from');
  });
});
