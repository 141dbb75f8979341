import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoToday, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  allEntries,
  allRequests,
  classOf,
  cycleDays,
  monday,
  onDays,
  percentileInc,
  recomputeSplit,
  type Class,
  type EntryRow,
  type GroupBy,
  type RequestRow,
} from './report-oracle';

const groupBys: GroupBy[] = ['week', 'department', 'type', 'assignee', 'initiative'];
const reportUrls = [
  '/api/reports/time-split',
  '/api/reports/headline',
  '/api/reports/flow',
  '/api/reports/hand-back',
  '/api/reports/insights',
  '/api/reports/coverage',
];
const lastFourWeeks = { from: '2026-10-24', to: '2026-11-20' };
const previousFourWeeks = { from: '2026-09-26', to: '2026-10-23' };
const quarter3 = { from: '2026-07-01', to: '2026-09-30' };

describe('reports on the demo company', () => {
  let t: TestApp;
  let lead: string;
  let entries: EntryRow[];
  let requests: RequestRow[];
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => demoToday });
    lead = await t.login('cmo@example.com');
    entries = allEntries(t.app.db.$client);
    requests = allRequests(t.app.db.$client);
  });
  afterAll(() => t.app.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: lead } });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };

  describe('time split', () => {
    it.each(groupBys)('by %s, totals and every group equal the time entries summed by class', async (groupBy) => {
      for (const period of [lastFourWeeks, quarter3]) {
        const body = await get(`/api/reports/time-split?from=${period.from}&to=${period.to}&groupBy=${groupBy}`);
        const expected = recomputeSplit(entries, period.from, period.to, groupBy);
        const all = expected.total.strategic + expected.total.tactical + expected.total.unclassified;
        expect(all).toBeGreaterThan(0);
        expect(body.total).toEqual({
          strategicMinutes: expected.total.strategic,
          tacticalMinutes: expected.total.tactical,
          unclassifiedMinutes: expected.total.unclassified,
          totalMinutes: all,
          strategicShare: expected.total.strategic / all,
        });
        const nonEmpty = body.groups.filter((g: { totalMinutes: number }) => g.totalMinutes > 0);
        expect(nonEmpty).toHaveLength(expected.groups.size);
        for (const g of nonEmpty) {
          const want = expected.groups.get(g.key)!;
          expect({ key: g.key, s: g.strategicMinutes, t: g.tacticalMinutes, u: g.unclassifiedMinutes }).toEqual({
            key: g.key,
            s: want.strategic,
            t: want.tactical,
            u: want.unclassified,
          });
          expect(g.strategicShare).toBeCloseTo(want.strategic / (want.strategic + want.tactical + want.unclassified), 12);
        }
      }
    });

    it('without a period, covers the four weeks ending today and compares with the four weeks before', async () => {
      const body = await get('/api/reports/time-split');
      expect(body).toMatchObject({ ...lastFourWeeks, groupBy: 'week', previous: previousFourWeeks });
      const before = recomputeSplit(entries, previousFourWeeks.from, previousFourWeeks.to, 'week').total;
      expect(body.previous.total).toMatchObject({
        strategicMinutes: before.strategic,
        tacticalMinutes: before.tactical,
        unclassifiedMinutes: before.unclassified,
      });
    });

    it('weekly groups list every Monday-based week of the period in order, the partial first week included', async () => {
      const body = await get('/api/reports/time-split?groupBy=week');
      expect(body.groups.map((g: { key: string }) => g.key)).toEqual([
        '2026-10-19',
        '2026-10-26',
        '2026-11-02',
        '2026-11-09',
        '2026-11-16',
      ]);
      expect(body.groups[4].label).toBe('Week of 16 Nov 2026');
      // The first week only counts the period's days (from Saturday 24 October).
      const partial = entries.filter((e) => e.date >= '2026-10-24' && e.date <= '2026-10-25').reduce((s, e) => s + e.minutes, 0);
      expect(body.groups[0].totalMinutes).toBe(partial);
    });

    it('names groups: departments, types and the marketers who logged the time', async () => {
      const byDepartment = await get('/api/reports/time-split?groupBy=department');
      expect(byDepartment.groups.map((g: { label: string }) => g.label)).toContain('Sales');
      const byAssignee = await get('/api/reports/time-split?groupBy=assignee');
      const names = t.app.db.$client.prepare('select id, name, role from users').all() as { id: number; name: string; role: string }[];
      for (const g of byAssignee.groups) {
        const user = names.find((u) => String(u.id) === g.key)!;
        expect(g.label).toBe(user.name);
        expect(user.role).not.toBe('requester');
      }
      // Largest first.
      const totals = byDepartment.groups.map((g: { totalMinutes: number }) => g.totalMinutes);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
    });

    it("carries the quarter's strategic-share target", async () => {
      expect((await get('/api/reports/time-split')).target).toBe(0.4);
    });

    it('counts the requests worked on in each group', async () => {
      const body = await get(`/api/reports/time-split?from=${quarter3.from}&to=${quarter3.to}&groupBy=type`);
      for (const g of body.groups) {
        const ids = new Set(
          entries.filter((e) => e.date >= quarter3.from && e.date <= quarter3.to && String(e.typeId) === g.key).map((e) => e.requestId),
        );
        expect(g.requestCount).toBe(ids.size);
      }
    });
  });

  describe('headline', () => {
    it('has the share, hours against working time, requests received and delivered, each against the previous period', async () => {
      const body = await get('/api/reports/headline');
      const minutes = (p: { from: string; to: string }) =>
        entries.filter((e) => e.date >= p.from && e.date <= p.to).reduce((s, e) => s + e.minutes, 0);
      const received = (p: { from: string; to: string }) => requests.filter((r) => onDays(r.createdAt, p.from, p.to)).length;
      const delivered = (p: { from: string; to: string }) =>
        requests.filter((r) => r.status === 'done' && onDays(r.completedAt, p.from, p.to)).length;
      // Four weeks is no calendar month or quarter: it compares with the 28 days before, which the demo's six months cover.
      expect(body).toMatchObject({ ...lastFourWeeks, previousPeriod: previousFourWeeks });
      const split = recomputeSplit(entries, lastFourWeeks.from, lastFourWeeks.to, 'week').total;
      const before = recomputeSplit(entries, previousFourWeeks.from, previousFourWeeks.to, 'week').total;
      const [now, then] = [minutes(lastFourWeeks), minutes(previousFourWeeks)];
      expect(then).toBeGreaterThanOrEqual(600);
      expect(body.loggedMinutes).toBe(now);
      expect(body.strategicShare).toBeCloseTo(split.strategic / now, 12);
      expect(body.target).toBe(0.4);
      expect(body.comparison).toEqual({ ...previousFourWeeks, loggedMinutes: then, strategicShare: before.strategic / then });
      const relative = (unit: string, value: number, previous: number) => ({
        unit,
        basis: 'relative',
        value,
        previous,
        difference: value - previous,
        relative: (value - previous) / previous,
      });
      expect(body.changes.loggedMinutes).toEqual(relative('minutes', now, then));
      expect(body.requestsReceived).toBe(received(lastFourWeeks));
      expect(body.changes.requestsReceived).toEqual(relative('requests', received(lastFourWeeks), received(previousFourWeeks)));
      expect(body.requestsDelivered).toBe(delivered(lastFourWeeks));
      expect(body.changes.requestsDelivered).toEqual(relative('requests', delivered(lastFourWeeks), delivered(previousFourWeeks)));
      expect(body.requestsReceived).toBeGreaterThan(0);
      expect(body.changes.strategicShare).toMatchObject({ unit: 'share', basis: 'points', relative: null });
      expect(body.changes.strategicShare.difference).toBeCloseTo(split.strategic / now - before.strategic / then, 12);
    });
  });

  describe('flow', () => {
    it('cycle time median and 85th percentile by class and by type match the delivered requests', async () => {
      const body = await get(`/api/reports/flow?from=${quarter3.from}&to=${quarter3.to}`);
      const done = requests.filter((r) => r.status === 'done' && r.startedAt && onDays(r.completedAt, quarter3.from, quarter3.to));
      expect(done.length).toBeGreaterThan(20);
      const stats = (rows: RequestRow[]) => ({
        count: rows.length,
        median: percentileInc(rows.map(cycleDays), 0.5),
        p85: percentileInc(rows.map(cycleDays), 0.85),
      });
      const near = (actual: number | null, expected: number | null) => {
        if (expected === null) return expect(actual).toBeNull();
        expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(0.05 + 1e-9);
      };
      const overall = stats(done);
      expect(body.cycleTime.overall.count).toBe(overall.count);
      near(body.cycleTime.overall.medianDays, overall.median);
      near(body.cycleTime.overall.p85Days, overall.p85);
      for (const c of ['strategic', 'tactical', 'unclassified'] as Class[]) {
        const got = body.cycleTime.byClass.find((x: { classification: string }) => x.classification === c);
        const want = stats(done.filter((r) => classOf(r) === c));
        expect(got.count).toBe(want.count);
        near(got.medianDays, want.median);
        near(got.p85Days, want.p85);
      }
      const types = t.app.db.$client.prepare('select id, turnaround_days as turnaroundDays from request_types').all() as {
        id: number;
        turnaroundDays: number;
      }[];
      expect(body.cycleTime.byType).toHaveLength(types.length);
      for (const got of body.cycleTime.byType) {
        const want = stats(done.filter((r) => r.typeId === got.typeId));
        expect(got.turnaroundDays).toBe(types.find((x) => x.id === got.typeId)!.turnaroundDays);
        expect(got.count).toBe(want.count);
        near(got.medianDays, want.median);
        near(got.p85Days, want.p85);
      }
    });

    it('throughput counts deliveries per Monday-based week by class', async () => {
      const body = await get(`/api/reports/flow?from=${quarter3.from}&to=${quarter3.to}`);
      expect(body.throughput[0].week).toBe('2026-06-29');
      expect(body.throughput.at(-1).week).toBe('2026-09-28');
      for (const w of body.throughput) {
        const inWeek = requests.filter(
          (r) => r.status === 'done' && onDays(r.completedAt, quarter3.from, quarter3.to) && monday(r.completedAt!.slice(0, 10)) === w.week,
        );
        const by = (c: Class) => inWeek.filter((r) => classOf(r) === c).length;
        expect(w).toEqual({
          week: w.week,
          strategic: by('strategic'),
          tactical: by('tactical'),
          unclassified: by('unclassified'),
          total: inWeek.length,
        });
      }
      expect(body.throughput.reduce((s: number, w: { total: number }) => s + w.total, 0)).toBe(body.cycleTime.overall.count);
    });

    it("ageing work in progress shows each open column's count and its oldest cards", async () => {
      const body = await get('/api/reports/flow');
      expect(body.ageingWip.map((c: { status: string }) => c.status)).toEqual(['intake', 'planned', 'in_progress', 'in_review']);
      for (const column of body.ageingWip) {
        const open = requests.filter((r) => r.status === column.status);
        expect(column.count).toBe(open.length);
        const since = (r: RequestRow) => (r.status === 'intake' || !r.startedAt ? r.createdAt : r.startedAt);
        const oldest = [...open].sort((a, b) => since(a).localeCompare(since(b)) || a.id - b.id).slice(0, 5);
        expect(column.items.map((c: { id: number }) => c.id)).toEqual(oldest.map((r) => r.id));
        for (const card of column.items) {
          expect(card.key).toBe(`MKT-${card.id}`);
          expect(card.ageDays).toBeCloseTo((demoToday.getTime() - Date.parse(card.since)) / 86_400_000, 1);
        }
      }
      expect(body.ageingWip.find((c: { status: string }) => c.status === 'in_progress').wipLimit).toBe(10);
    });
  });

  describe('hand-back candidates', () => {
    it('are tactical types one department filed at least five times at under three hours each, with the requests behind them', async () => {
      const body = await get(`/api/reports/hand-back?from=${quarter3.from}&to=${quarter3.to}`);
      expect(body.rule).toEqual({ minRequests: 7, maxMinutesEach: 180 });
      const tacticalTypes = new Set(
        (t.app.db.$client.prepare("select id from request_types where default_classification = 'tactical'").all() as { id: number }[]).map(
          (r) => r.id,
        ),
      );
      const logged = new Map<number, number>();
      for (const e of entries) logged.set(e.requestId, (logged.get(e.requestId) ?? 0) + e.minutes);
      const groups = new Map<string, RequestRow[]>();
      for (const r of requests) {
        if (
          !onDays(r.createdAt, quarter3.from, quarter3.to) ||
          !tacticalTypes.has(r.typeId) ||
          classOf(r) === 'strategic' ||
          r.resolution === 'cancelled'
        )
          continue;
        groups.set(`${r.departmentId}:${r.typeId}`, [...(groups.get(`${r.departmentId}:${r.typeId}`) ?? []), r]);
      }
      const expected = [...groups.values()]
        .map((rows) => {
          const worked = rows.filter((r) => (logged.get(r.id) ?? 0) > 0);
          const total = rows.reduce((s, r) => s + (logged.get(r.id) ?? 0), 0);
          return {
            departmentId: rows[0]!.departmentId,
            typeId: rows[0]!.typeId,
            requestCount: rows.length,
            workedCount: worked.length,
            totalMinutes: total,
            requestIds: rows.map((r) => r.id).sort((a, b) => a - b),
          };
        })
        .filter((g) => g.requestCount >= 7 && g.workedCount > 0 && g.totalMinutes / g.workedCount <= 180)
        .sort((a, b) => b.totalMinutes - a.totalMinutes || b.requestCount - a.requestCount);
      expect(expected.length).toBeGreaterThan(0);
      // The kit figures are counted by hand in hand-back-kits.test.ts; here only what the demo says of them.
      const kitFields = { kit: undefined, kitPublishedAt: undefined, avoided: undefined, filedSince: undefined, minutesSaved: undefined };
      expect(
        body.items.map((i: object) => ({
          ...i,
          departmentName: undefined,
          typeName: undefined,
          handedBackCount: undefined,
          minutesEach: undefined,
          ...kitFields,
        })),
      ).toEqual(
        expected.map((e) => ({
          ...e,
          departmentName: undefined,
          typeName: undefined,
          handedBackCount: undefined,
          minutesEach: undefined,
          ...kitFields,
        })),
      );
      // The demo's banner kit for Sales went up in October, after the third quarter: nothing counted yet.
      for (const item of body.items) expect([item.avoided, item.filedSince, item.minutesSaved]).toEqual([0, 0, 0]);
      expect(
        body.items
          .filter((i: { kit: unknown }) => i.kit !== null)
          .map((i: { departmentName: string; typeName: string }) => `${i.departmentName}: ${i.typeName}`),
      ).toEqual(['Sales: Event banner']);
      for (const item of body.items) expect(item.minutesEach).toBe(Math.round(item.totalMinutes / item.workedCount));
      expect(body.items.map((i: { departmentName: string }) => i.departmentName)).toContain('Sales');
    });
  });

  describe('insights', () => {
    it('are five to ten sentences, most important first, each with figures and a link', async () => {
      const body = await get('/api/reports/insights');
      expect(body).toMatchObject(lastFourWeeks);
      expect(body.items.length).toBeGreaterThanOrEqual(5);
      expect(body.items.length).toBeLessThanOrEqual(10);
      const importance = body.items.map((i: { importance: number }) => i.importance);
      expect(importance).toEqual([...importance].sort((a, b) => b - a));
      for (const item of body.items) {
        expect(item.text).toMatch(/\d/);
        expect(Object.keys(item.figures).length).toBeGreaterThan(0);
        expect(item.link).toMatch(
          /^\/insights\?from=2026-10-24&to=2026-11-20#(headline|weekly|showback|flow|hand-back|coverage|overrides|service-levels|forecast)$/,
        );
      }
      expect(new Set(body.items.map((i: { id: string }) => i.id)).size).toBe(body.items.length);
    });

    it('state the measured share against the target, and the top hand-back candidate, with their numbers', async () => {
      const body = await get('/api/reports/insights');
      const split = recomputeSplit(entries, lastFourWeeks.from, lastFourWeeks.to, 'week').total;
      const share = split.strategic / (split.strategic + split.tactical + split.unclassified);
      const target = body.items.find((i: { id: string }) => i.id === 'share-vs-target');
      expect(target.figures.strategicShare).toBeCloseTo(share, 12);
      expect(target.text).toContain(`${Math.round(share * 100)} %`);
      expect(target.text).toContain('40 % target');
      const handBack = await get('/api/reports/hand-back');
      const top = handBack.items[0];
      const insight = body.items.find((i: { id: string }) => i.id === 'hand-back');
      expect(insight.figures).toMatchObject({
        departmentId: top.departmentId,
        typeId: top.typeId,
        requestCount: top.requestCount,
        totalMinutes: top.totalMinutes,
      });
      expect(insight.text).toContain(`${top.departmentName} filed ${top.requestCount} ${top.typeName} requests`);
    });

    it('change with the period', async () => {
      const now = await get('/api/reports/insights');
      const then = await get(`/api/reports/insights?from=${quarter3.from}&to=${quarter3.to}`);
      expect(then.items.map((i: { text: string }) => i.text)).not.toEqual(now.items.map((i: { text: string }) => i.text));
    });
  });

  describe('who may read reports', () => {
    it.each(['sales@example.com', 'marketer@example.com'])('%s is refused every report with a 403 problem', async (email) => {
      const cookie = await t.login(email);
      for (const url of reportUrls) {
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
        expect(expectProblem(res, 403).code, url).toBe('auth.forbidden');
      }
    });

    it('a signed-out caller gets 401', async () => {
      for (const url of reportUrls) expectProblem(await t.app.inject({ method: 'GET', url }), 401);
    });
  });

  describe('query parameters', () => {
    const bad = async (url: string, path: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: lead } });
      const body = expectProblem(res, 400);
      expect(
        body.errors?.map((e) => e.path),
        url,
      ).toEqual([path]);
      expect(body.detail).toContain(path);
    };

    it.each(reportUrls)('%s: `from` after `to` is a 400 naming from', async (url) => {
      await bad(`${url}?from=2026-11-21&to=2026-11-20`, 'from');
      await bad(`${url}?from=2026-12-01`, 'from');
    });

    it.each(reportUrls)('%s: malformed dates are a 400 naming the parameter', async (url) => {
      await bad(`${url}?from=2026-13-01`, 'from');
      await bad(`${url}?from=2026-02-30`, 'from');
      await bad(`${url}?to=20-11-2026`, 'to');
      await bad(`${url}?to=yesterday`, 'to');
    });

    it('an unknown groupBy is a 400 naming groupBy', async () => {
      await bad('/api/reports/time-split?groupBy=month', 'groupBy');
      await bad('/api/reports/time-split?groupBy=', 'groupBy');
    });
  });
});

describe('reports in the company time zone', () => {
  let t: TestApp;
  let lead: string;
  const zone = 'Pacific/Kiritimati'; // UTC+14: the demo's "today" at 12:00 UTC is already the 21st there
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => demoToday });
    t.app.db.$client.prepare("update settings set value = ? where key = 'timezone'").run(zone);
    // Filed late on 24 October in UTC, which is already the 25th in the company's zone.
    t.app.db.$client
      .prepare(
        "insert into requests (title, type_id, requester_id, department_id, position, created_at, updated_at) values ('Filed at the boundary', 1, 3, 1, 'zz-boundary', ?, ?)",
      )
      .run('2026-10-24T11:00:00.000Z', '2026-10-24T11:00:00.000Z');
    lead = await t.login('cmo@example.com');
  });
  afterAll(() => t.app.close());

  it("the default period ends on today's date there, and requests count by that zone's calendar days", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/reports/headline', headers: { cookie: lead } });
    const body = res.json();
    expect(body).toMatchObject({ from: '2026-10-25', to: '2026-11-21' });
    const requests = allRequests(t.app.db.$client);
    const inZone = requests.filter((r) => onDays(r.createdAt, '2026-10-25', '2026-11-21', zone)).length;
    const inUtc = requests.filter((r) => onDays(r.createdAt, '2026-10-25', '2026-11-21')).length;
    expect(body.requestsReceived).toBe(inZone);
    // The demo files nothing at weekends, so the boundary request (a Saturday) is the only difference.
    expect(inZone).toBe(inUtc + 1);
    const delivered = requests.filter((r) => r.status === 'done' && onDays(r.completedAt, '2026-10-25', '2026-11-21', zone)).length;
    expect(body.requestsDelivered).toBe(delivered);
  });

  it("weekly throughput buckets deliveries by the zone's Mondays", async () => {
    const body = (
      await t.app.inject({ method: 'GET', url: '/api/reports/flow?from=2026-07-01&to=2026-09-30', headers: { cookie: lead } })
    ).json();
    const requests = allRequests(t.app.db.$client).filter((r) => r.status === 'done');
    const localDate = (ts: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ts));
    for (const w of body.throughput) {
      const n = requests.filter(
        (r) => onDays(r.completedAt, '2026-07-01', '2026-09-30', zone) && monday(localDate(r.completedAt!)) === w.week,
      ).length;
      expect(w.total, w.week).toBe(n);
    }
  });
});
