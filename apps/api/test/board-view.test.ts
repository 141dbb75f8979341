import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flow, InsightList, TimeSplit } from '@altitude/shared/insights';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, classify, moveTo, ok, requestTypeId, signIn, tickingClock, type Caller } from './request-helpers';

/**
 * The board view (issue 11): a lead switches it; while it is on, per-person figures are left out
 * of every report answer for everyone but leads. A small company of our own, so every expected
 * figure below is worked out by hand:
 *
 *   ana.marketing logs 600 min on A (strategic); ben.marketing logs 30 min on A and 600 on B (tactical),
 *   all on 2026-11-20 (the clock's day).
 *   ana: strategic 600, total 600. ben: strategic 30, tactical 600, total 630 (tactical share 600/630 ≈ 95 %).
 *   Team: strategic 630, tactical 600, total 1230, strategic share 630/1230; team tactical share ≈ 49 %,
 *   so "marketer-tactical" names ben (≥ 10 h, ≥ 75 % tactical, ≥ 10 points above the team).
 */
const day = '2026-11-20';
const split = `/api/reports/time-split?from=${day}&to=${day}&groupBy=assignee`;

let t: TestApp;
let lead: Caller;
let ana: Caller;
let ben: Caller;
let exec: Caller;

beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline', now: tickingClock() });
  await addUser(t, 'cmo@example.com', 'lead', 'Marketing');
  await addUser(t, 'ana.marketing@example.com', 'marketer', 'Marketing');
  await addUser(t, 'ben.marketing@example.com', 'marketer', 'Marketing');
  await addUser(t, 'exec@example.com', 'requester', 'Executive');
  lead = await signIn(t, 'cmo@example.com');
  ana = await signIn(t, 'ana.marketing@example.com');
  ben = await signIn(t, 'ben.marketing@example.com');
  ok(await lead.patch(`/api/users/${(await signIn(t, 'exec@example.com')).user.id}`, { canViewInsights: true }));
  exec = await signIn(t, 'exec@example.com');

  const typeId = await requestTypeId(lead, 'Event banner');
  const a = ok<{ id: number }>(await exec.post('/api/requests', { title: 'Board deck for the annual plan', typeId }), 201);
  const b = ok<{ id: number }>(await exec.post('/api/requests', { title: 'Roll-ups for the partner day', typeId }), 201);
  await classify(lead, a.id, 'strategic', 'The annual plan is company-wide');
  await classify(lead, b.id, 'tactical');
  for (const [id, who] of [
    [a.id, ana],
    [b.id, ben],
  ] as const) {
    const current = ok<{ version: number }>(await lead.get(`/api/requests/${id}`));
    ok(await lead.patch(`/api/requests/${id}`, { version: current.version, assigneeId: who.user.id }));
    await moveTo(lead, id, 'in_progress');
  }
  ok(await ana.post(`/api/requests/${a.id}/time-entries`, { minutes: 600, date: day }), 201);
  ok(await ben.post(`/api/requests/${a.id}/time-entries`, { minutes: 30, date: day }), 201);
  ok(await ben.post(`/api/requests/${b.id}/time-entries`, { minutes: 600, date: day }), 201);
});
afterAll(() => t.app.close());

const setBoardView = async (boardView: boolean) =>
  expect(ok(await lead.put('/api/settings/board-view', { boardView }))).toEqual({ boardView });
const timeSplit = async (caller: Caller) => ok<TimeSplit>(await caller.get(split));
const teamTotal = { strategicMinutes: 630, tacticalMinutes: 600, unclassifiedMinutes: 0, totalMinutes: 1230, strategicShare: 630 / 1230 };
const perPerson = () => [
  { key: String(ben.user.id), label: 'ben.marketing', strategicMinutes: 30, tacticalMinutes: 600, totalMinutes: 630 },
  { key: String(ana.user.id), label: 'ana.marketing', strategicMinutes: 600, tacticalMinutes: 0, totalMinutes: 600 },
];
const assignees = (flow: Flow) => flow.ageingWip.flatMap((c) => c.items.map((i) => [i.assigneeId, i.assigneeName]));

describe('the board-view switch', () => {
  it('is off by default; a lead turns it on and off, insights readers read it', async () => {
    expect(ok(await exec.get('/api/settings/board-view'))).toEqual({ boardView: false });
    await setBoardView(true);
    expect(ok(await exec.get('/api/settings/board-view'))).toEqual({ boardView: true });
    await setBoardView(false);
    expect(ok(await lead.get('/api/settings/board-view'))).toEqual({ boardView: false });
  });

  it('only a lead switches it; marketers and readers get 403 and nothing changes', async () => {
    expectProblem(await exec.put('/api/settings/board-view', { boardView: true }), 403);
    expectProblem(await ana.put('/api/settings/board-view', { boardView: true }), 403);
    expectProblem(await ana.get('/api/settings/board-view'), 403);
    expect(ok(await lead.get('/api/settings/board-view'))).toEqual({ boardView: false });
  });

  it.each([[{}], [{ boardView: 'true' }], [{ boardView: 1 }], [{ boardView: null }], [{ boardView: true, extra: 1 }]])(
    'body %j is refused with 400 naming the field, and nothing changes',
    async (body) => {
      const problem = expectProblem(await lead.put('/api/settings/board-view', body), 400);
      expect(problem.errors?.map((e) => e.path)).toEqual(['extra' in body ? 'extra' : 'boardView']);
      expect(ok(await lead.get('/api/settings/board-view'))).toEqual({ boardView: false });
    },
  );
});

describe('board view off: everyone who reads Insights sees per-person figures', () => {
  it('time split by assignee: the lead and the exec both get each marketer', async () => {
    for (const caller of [lead, exec]) {
      const body = await timeSplit(caller);
      expect(body.peopleHidden).toBe(false);
      expect(body.total).toEqual(teamTotal);
      expect(
        body.groups.map(({ key, label, strategicMinutes, tacticalMinutes, totalMinutes }) => ({
          key,
          label,
          strategicMinutes,
          tacticalMinutes,
          totalMinutes,
        })),
      ).toEqual(perPerson());
    }
  });

  it('ageing WIP names the assignees and the insights name the tactical-heavy marketer', async () => {
    const flow = ok<Flow>(await exec.get(`/api/reports/flow?from=${day}&to=${day}`));
    expect(assignees(flow).sort()).toEqual(
      [
        [ana.user.id, 'ana.marketing'],
        [ben.user.id, 'ben.marketing'],
      ].sort(),
    );
    const insights = ok<InsightList>(await exec.get(`/api/reports/insights?from=${day}&to=${day}`));
    const named = insights.items.find((i) => i.id === 'marketer-tactical');
    expect(named?.text).toContain('ben.marketing');
    expect(named?.figures.userId).toBe(ben.user.id);
  });
});

describe('board view on: per-person figures are gone for everyone but leads', () => {
  beforeAll(() => setBoardView(true));
  afterAll(() => setBoardView(false));

  it('the exec gets no groups by assignee (and is told so) while the team total stays whole; the lead still gets them', async () => {
    const hidden = await timeSplit(exec);
    expect(hidden).toMatchObject({ groupBy: 'assignee', peopleHidden: true, groups: [], total: teamTotal });
    const full = await timeSplit(lead);
    expect(full.peopleHidden).toBe(false);
    expect(full.groups.map((g) => g.label)).toEqual(['ben.marketing', 'ana.marketing']);
  });

  it('other groupings are not per person and stay as they are for the exec', async () => {
    const body = ok<TimeSplit>(await exec.get(`/api/reports/time-split?from=${day}&to=${day}&groupBy=department`));
    expect(body.peopleHidden).toBe(false);
    expect(body.groups.map((g) => [g.label, g.totalMinutes])).toEqual([['Executive', 1230]]);
  });

  it('ageing WIP keeps the cards but not who they are assigned to; the lead still sees the names', async () => {
    const flow = ok<Flow>(await exec.get(`/api/reports/flow?from=${day}&to=${day}`));
    expect(assignees(flow)).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(
      ok<Flow>(await lead.get(`/api/reports/flow?from=${day}&to=${day}`))
        .ageingWip.flatMap((c) => c.items.map((i) => i.assigneeName))
        .sort(),
    ).toEqual(['ana.marketing', 'ben.marketing']);
  });

  it('no insight names a marketer for the exec; the lead still reads the one about ben', async () => {
    const insights = ok<InsightList>(await exec.get(`/api/reports/insights?from=${day}&to=${day}`));
    expect(insights.items.length).toBeGreaterThan(0);
    for (const item of insights.items) {
      expect(item.text).not.toMatch(/ana\.marketing|ben\.marketing/);
      expect(item.figures).not.toHaveProperty('userId');
    }
    const leads = ok<InsightList>(await lead.get(`/api/reports/insights?from=${day}&to=${day}`));
    expect(leads.items.find((i) => i.id === 'marketer-tactical')?.text).toContain('ben.marketing');
  });

  it('exports leave out who did the work for the exec (columns kept); the lead gets the names', async () => {
    const readerCsv = (await exec.get(`/api/exports/time-entries.csv?from=${day}&to=${day}`)).body;
    expect(readerCsv.split('\n')[0]).toContain('"user"');
    expect(readerCsv).not.toMatch(/marketing"/);
    expect((await lead.get(`/api/exports/time-entries.csv?from=${day}&to=${day}`)).body).toContain('"ben.marketing"');
    const requestsCsv = (await exec.get(`/api/exports/requests.csv?from=${day}&to=${day}`)).body;
    expect(requestsCsv).not.toMatch(/(ana|ben)\.marketing/);
    expect((await lead.get(`/api/exports/requests.csv?from=${day}&to=${day}`)).body).toContain('"ana.marketing"');
  });

  it('a marketer granted Insights is a reader too: hidden for them as for the exec', async () => {
    ok(await lead.patch(`/api/users/${ana.user.id}`, { canViewInsights: true }));
    const body = await timeSplit(ana);
    expect(body).toMatchObject({ peopleHidden: true, groups: [] });
  });
});

describe('the read cache never hands a reader what a lead was answered', () => {
  it('with the board view on, a lead reads first (and caches); the exec then gets the hidden answer, not the cached one', async () => {
    await setBoardView(true);
    await timeSplit(lead);
    const again = await lead.get(split);
    expect(again.headers['x-cache']).toBe('hit');
    const res = await exec.get(split);
    expect(res.headers['x-cache']).toBeUndefined();
    expect(ok<TimeSplit>(res)).toMatchObject({ peopleHidden: true, groups: [] });
    await setBoardView(false);
  });

  it('a reader who read per-person figures before the switch does not get them from the cache after it', async () => {
    expect((await timeSplit(exec)).groups).toHaveLength(2);
    expect((await exec.get(split)).headers['x-cache']).toBe('hit');
    await setBoardView(true);
    expect(await timeSplit(exec)).toMatchObject({ peopleHidden: true, groups: [] });
    await setBoardView(false);
    expect((await timeSplit(exec)).groups).toHaveLength(2);
  });
});
