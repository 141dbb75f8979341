import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { activity, reserveOverrides, users } from '../src/db/schema';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, classify, fileRequest, getRequest, ok, signIn, tacticalTypeId, type Caller } from './request-helpers';

/**
 * The trade-off at triage, on a baseline company (UTC) whose only planned people are made here, so
 * every figure is worked out by hand. Today is Wednesday 2 December 2026: the week of 30 Nov has
 * three working days left (Wed, Thu, Fri).
 *
 * - Max: 40 h a week, 8 h reserve → this week 3 × 480 = 1440 available, 3 × 96 = 288 reserve, so
 *   1440 - 288 = 1152 outside the reserve. No other work.
 * - Ana: 40 h, no reserve, no work → 1440 free this week.
 * - Lea (lead): 40 h, no reserve, 4 h (240) of tactical work planned for Fri 4 Dec → 1200 free.
 * - Bo: 20 h a week → 3 × 240 = 720 available this week.
 *
 * The request: tactical, 24 h (1440) estimated, planned for Fri 4 Dec → 480 on each of Wed, Thu, Fri.
 */
describe('the trade-off at triage', () => {
  let t: TestApp;
  let lead: Caller;
  let max: Caller;
  let requester: Caller;
  let other: Caller;
  const ids = {} as Record<'lea' | 'max' | 'ana' | 'bo' | 'request', number>;
  const clock = { base: Date.parse('2026-12-02T09:00:00.000Z'), ticks: 0 };

  const person = (email: string, values: Partial<typeof users.$inferInsert>) => {
    t.app.db.update(users).set(values).where(eq(users.email, email)).run();
    return t.app.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  };

  /** Files a tactical request from Sales and plans it: assignee, estimate, planned-for. */
  async function plannedRequest(title: string, assigneeId: number, estimateMinutes: number | null, plannedFor: string) {
    const typeId = await tacticalTypeId(requester);
    const filed = await fileRequest(requester, { title, typeId });
    const classified = await classify(lead, filed.id, 'tactical');
    ok(await lead.patch(`/api/requests/${filed.id}`, { version: classified.version, assigneeId, estimateMinutes, plannedFor }));
    return filed.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: () => new Date(clock.base + clock.ticks++) });
    await addUser(t, 'lea@example.com', 'lead', 'Marketing');
    await addUser(t, 'max@example.com', 'marketer', 'Marketing');
    await addUser(t, 'ana@example.com', 'marketer', 'Marketing');
    await addUser(t, 'bo@example.com', 'marketer', 'Marketing');
    await addUser(t, 'req@example.com', 'requester', 'Sales');
    await addUser(t, 'prod@example.com', 'requester', 'Product');
    ids.lea = person('lea@example.com', { name: 'Lea Stone' });
    ids.max = person('max@example.com', { name: 'Max Ortega', strategicReserveMinutes: 480 });
    ids.ana = person('ana@example.com', { name: 'Ana Lane' });
    ids.bo = person('bo@example.com', { name: 'Bo Park', weeklyMinutes: 1200 });
    lead = await signIn(t, 'lea@example.com');
    max = await signIn(t, 'max@example.com');
    requester = await signIn(t, 'req@example.com');
    other = await signIn(t, 'prod@example.com');
    await plannedRequest('Lea: launch checklist', ids.lea, 240, '2026-12-04');
    ids.request = await plannedRequest('Trade-off: trade-show banners', ids.max, 1440, '2026-12-04');
  });
  afterAll(() => t.app.close());

  it("says how much of Max's reserve 24 h of tactical work this week takes, who has room, and a later date", async () => {
    const body = ok(await max.get(`/api/requests/${ids.request}/trade-off`));
    expect(body).toEqual({
      assigneeId: ids.max,
      classification: 'tactical',
      addedMinutes: 1440,
      // 1440 tactical against 1152 outside the reserve: 288 spill, the whole reserve of the week.
      reserveTakenMinutes: 288,
      weeks: [{ week: '2026-11-30', addedMinutes: 1440, reserveTakenMinutes: 288 }],
      message: "24h of tactical work in the week of 30 Nov takes 4h 48m of Max's strategic reserve",
      // Ana has 1440 free: exactly enough. Lea has 1200 and Bo 720: not enough.
      alternatives: [{ userId: ids.ana, name: 'Ana Lane', freeMinutes: 1440 }],
      // Planned for Mon 7 Dec it spreads over four days, 360 each: 1080 this week (under 1152) and
      // 360 next week (under its 1920 outside the reserve).
      laterDate: '2026-12-07',
    });
  });

  it('takes nothing when the same work is strategic, or goes to someone with room', async () => {
    const strategic = ok(await max.get(`/api/requests/${ids.request}/trade-off?classification=strategic`));
    expect(strategic).toMatchObject({
      classification: 'strategic',
      addedMinutes: 1440,
      reserveTakenMinutes: 0,
      message: null,
      alternatives: [],
    });
    const ana = ok(await max.get(`/api/requests/${ids.request}/trade-off?assigneeId=${ids.ana}`));
    expect(ana).toMatchObject({ assigneeId: ids.ana, addedMinutes: 1440, reserveTakenMinutes: 0, message: null, laterDate: null });
  });

  it('takes nothing without an estimate, and needs a marketer or lead as assignee', async () => {
    const unestimated = await plannedRequest('Trade-off: no estimate', ids.max, null, '2026-12-04');
    expect(ok(await max.get(`/api/requests/${unestimated}/trade-off`))).toMatchObject({
      addedMinutes: 0,
      reserveTakenMinutes: 0,
      weeks: [],
    });
    const res = await max.get(`/api/requests/${ids.request}/trade-off?assigneeId=${requester.user.id}`);
    expectProblem(res, 400);
    expect(res.json().errors[0].path).toBe('assigneeId');
    expectProblem(await max.get(`/api/requests/${ids.request}/trade-off?classification=maybe`), 400);
  });

  it('is for marketing only, on a request it may see', async () => {
    expectProblem(await requester.get(`/api/requests/${ids.request}/trade-off`), 403);
    expectProblem(await max.get(`/api/requests/987654/trade-off`), 404);
  });

  it('"Accept anyway" records who accepted, for whom, the department and the reserve, once', async () => {
    const res = await max.post(`/api/requests/${ids.request}/reserve-overrides`, { assigneeId: ids.max });
    const created = ok(res, 201);
    expect(created).toMatchObject({ requestId: ids.request, acceptedById: ids.max, assigneeId: ids.max, reserveMinutes: 288 });
    const row = t.app.db
      .select()
      .from(reserveOverrides)
      .where(eq(reserveOverrides.id, created.id as number))
      .get()!;
    const sales = (await getRequest(lead, ids.request)).departmentId;
    expect(row.departmentId).toBe(sales);
    const entries = t.app.db.select().from(activity).where(eq(activity.requestId, ids.request)).all();
    expect(entries.filter((a) => a.kind === 'reserve_override').map((a) => a.toValue)).toEqual(['288']);
    // Accepting again would count the same hours twice.
    expectProblem(await max.post(`/api/requests/${ids.request}/reserve-overrides`, { assigneeId: ids.max }), 409);
  });

  it('refuses to record an override when the assignment takes no reserve', async () => {
    const res = await max.post(`/api/requests/${ids.request}/reserve-overrides`, { assigneeId: ids.ana });
    expectProblem(res, 409);
    expect(res.json().code).toBe('reserve_override.no_reserve_taken');
    expectProblem(await requester.post(`/api/requests/${ids.request}/reserve-overrides`, { assigneeId: ids.max }), 403);
    expectProblem(await max.post(`/api/requests/${ids.request}/reserve-overrides`, { assigneeId: ids.max, note: 'x' }), 400);
  });

  it('a burst of concurrent accepts records exactly one', async () => {
    // Bo gets a reserve of 10 h a week: this week 3 × 120 = 360 of Bo's 720 available.
    person('bo@example.com', { strategicReserveMinutes: 600 });
    const id = await plannedRequest('Trade-off: burst', ids.bo, 600, '2026-12-04');
    // Bo: 720 available, 360 reserve, 360 outside. 600 tactical spills 240 into it.
    const calls = Array.from({ length: 8 }, () => max.post(`/api/requests/${id}/reserve-overrides`, { assigneeId: ids.bo }));
    const statuses = (await Promise.all(calls)).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const rows = t.app.db.select().from(reserveOverrides).where(eq(reserveOverrides.requestId, id)).all();
    expect(rows.map((r) => r.reserveMinutes)).toEqual([240]);
  });

  it('the report counts overrides by requesting department for insights readers', async () => {
    const report = ok(await lead.get('/api/reports/reserve-overrides?from=2026-12-01&to=2026-12-31'));
    const sales = (await getRequest(lead, ids.request)).departmentId;
    // Max's 288 and Bo's 240, both filed from Sales.
    expect(report).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
      items: [{ departmentId: sales, label: 'Sales', count: 2, reserveMinutes: 528 }],
      total: { count: 2, reserveMinutes: 528 },
    });
    const before = ok(await lead.get('/api/reports/reserve-overrides?from=2026-11-01&to=2026-11-30'));
    expect(before).toMatchObject({ items: [], total: { count: 0, reserveMinutes: 0 } });
    expectProblem(await max.get('/api/reports/reserve-overrides'), 403);
    expectProblem(await other.get('/api/reports/reserve-overrides'), 403);
  });

  it('Insights names the department behind most reserve overrides', async () => {
    // A third for Bo, 2 h (120) on Fri 4 Dec: Bo's week already spills 240 of the 360 reserve, so it takes the other 120.
    const id = await plannedRequest('Trade-off: third', ids.bo, 120, '2026-12-04');
    expect(ok(await max.post(`/api/requests/${id}/reserve-overrides`, { assigneeId: ids.bo }), 201)).toMatchObject({ reserveMinutes: 120 });
    const insights = ok<{ items: { id: string; text: string; figures: Record<string, number> }[] }>(
      await lead.get('/api/reports/insights?from=2026-12-01&to=2026-12-31'),
    );
    const insight = insights.items.find((i) => i.id === 'reserve-overrides-department');
    // 288 + 240 + 120 = 648 minutes = 10.8 h, shown as 11 h.
    expect(insight?.text).toBe(
      'Sales caused all of the reserve overrides (3 of 3 overrides): 11 h of strategic reserve given to its tactical work.',
    );
    expect(insight?.figures).toMatchObject({ count: 3, totalCount: 3, reserveMinutes: 648 });
  });
});
