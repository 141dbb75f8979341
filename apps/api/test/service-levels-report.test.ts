import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsightList } from '@altitude/shared/insights';
import type { DepartmentService, ServiceLevelGroup, ServiceLevels } from '@altitude/shared/service-levels';
import { activity, departments, requests, requestTypes, settings, users } from '../src/db/schema';
import { gatherInsightFacts } from '../src/modules/insights/insights.service';
import { periodOf } from '../src/modules/insights/report-period';
import { buildInsights } from '../src/modules/insights/rules/build-insights';
import type { InsightFacts, ServiceLevelFacts } from '../src/modules/insights/rules/facts';
import { serviceLevelRules } from '../src/modules/insights/rules/service-level-rules';
import { boardViewKey } from '../src/modules/settings/board-view';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, ok, signIn, type Caller } from './request-helpers';

/**
 * Issue 12, "what the CMO learns": `GET /api/reports/service-levels` by type, department and
 * marketer, `GET /api/requests/department-service` (a requester's own department, last 90 days)
 * and the service-level insights. The requests are inserted by the test with their clock columns
 * set by hand; every expected figure is worked out below in business minutes (Mon–Fri,
 * 09:00–17:00 on the company's wall clock).
 *
 * The company runs on New York time: in November 2026 that is UTC−5 (daylight saving ended on
 * 1 November), so 14:00Z is 09:00 there. The period is Mon 2 Nov – Fri 13 Nov 2026, i.e. the
 * instants [2026-11-02T05:00Z, 2026-11-14T05:00Z). "Now" is Fri 13 Nov 15:00Z (10:00 local).
 *
 * | req | dept      | type   | who  | filed (local)  | status      | completed (local) | expected by | state  | first response | paused            | rounds | rush |
 * | A   | Sales     | banner | max  | Mon 2  09:00   | done        | Fri 6  15:00      | Mon 9       | met    | 10:00 → 60     | 120               | 1      | yes  |
 * | B   | Sales     | banner | max  | Mon 2  11:00   | done        | Tue 10 10:00      | Mon 9       | missed | 15:00 → 240    | 0                 | 0      | no   |
 * | C   | Product   | deck   | nina | Wed 4  16:00   | in progress |                   | Mon 9       |        | Thu 09:30 → 90 | 60 + running 240  | 2      | yes  |
 * | D   | Product   | banner | —    | Thu 12 23:30   | intake      |                   | Thu 19      |        | none           | 0                 | 0      | no   |
 * | E   | Sales     | banner | max  | Sun 1  23:30 * | done        | Fri 13 23:30      | Fri 6       | missed | (Mon 10:00)    | (0)               | (3)    | (yes)|
 * | F   | Sales     | deck   | nina | Sat 14 00:00 * | intake      |                   |             |        |                |                   |        | (yes)|
 * | G   | Sales     | deck   | nina | Tue 3  09:00   | done        | Thu 5  15:00      | Fri 6       | met    | 09:20 → 20     | 0                 | 0      | no   |
 * | H   | Cust. S.  | 1-pager| max  | Tue 20 Oct     | done        | Fri 30 Oct        |             |        |                |                   |        |      |
 * | I   | Cust. S.  | press  | max  | Mon 26 Oct     | declined    | Tue 3  10:00      |             |        |                |                   |        |      |
 * (*) outside the period by a minute's worth of time zone: E is filed Sun 1 Nov 23:30 local
 * (04:30Z on the 2nd) but delivered Fri 13 23:30 local (04:30Z on the 14th), so it counts as
 * delivered, not as filed; F is filed at exactly the period's end (05:00Z on the 14th), so not at
 * all. H was delivered before the period, I was declined (not delivered) in it: neither counts,
 * and their types (One-pager, Press release) get no group.
 *
 * Clock cases:
 * - A: budget Mon 2 09:00 → Mon 9 17:00 = 6 days × 480 = 2880; used Mon 2 09:00 → Fri 6 15:00 =
 *   4 × 480 + 360 = 2280, minus 120 paused = 2160 ≤ 2880 → met.
 * - B: budget Mon 2 11:00 → Mon 9 17:00 = 360 + 4 × 480 + 480 = 2760; used to Tue 10 10:00 =
 *   2760 + 60 = 2820 > 2760 → missed.
 * - E: filed on a Sunday night, so its clock starts Mon 2 09:00; expected by Fri 6 (5 business
 *   days after Sun 1): budget 5 × 480 = 2400; used to Fri 13 23:30 = 10 × 480 = 4800 → missed.
 * - G: budget Tue 3 09:00 → Fri 6 17:00 = 4 × 480 = 1920; used Tue 3 09:00 → Thu 5 15:00 =
 *   2 × 480 + 360 = 1320 → met.
 * - C's running pause: since Thu 12 14:00 local, now Fri 13 10:00 = 180 + 60 = 240; with its
 *   finished 60, 300 minutes paused.
 * - First responses: A Mon 09:00 → 10:00 = 60; B 11:00 → 15:00 = 240; C Wed 16:00 → Thu 09:30 =
 *   60 + 30 = 90; G 09:00 → 09:20 = 20; E Mon 09:00 (clock start) → 10:00 = 60.
 */

const at = {
  now: '2026-11-13T15:00:00.000Z',
};

interface Fixture {
  key: string;
  dept: 'Sales' | 'Product' | 'Customer Success';
  type: 'Event banner' | 'Sales deck update' | 'One-pager' | 'Press release';
  assignee: 'max' | 'nina' | null;
  createdAt: string;
  status: 'intake' | 'in_progress' | 'done' | 'declined';
  completedAt?: string;
  expectedBy?: string;
  firstResponseAt?: string;
  pausedMinutes?: number;
  pausedSince?: string;
  waitingOn?: 'requester';
  rounds?: number;
  rush?: boolean;
}

const fixtures: Fixture[] = [
  {
    key: 'A',
    dept: 'Sales',
    type: 'Event banner',
    assignee: 'max',
    createdAt: '2026-11-02T14:00:00.000Z',
    status: 'done',
    completedAt: '2026-11-06T20:00:00.000Z',
    expectedBy: '2026-11-09',
    firstResponseAt: '2026-11-02T15:00:00.000Z',
    pausedMinutes: 120,
    rounds: 1,
    rush: true,
  },
  {
    key: 'B',
    dept: 'Sales',
    type: 'Event banner',
    assignee: 'max',
    createdAt: '2026-11-02T16:00:00.000Z',
    status: 'done',
    completedAt: '2026-11-10T15:00:00.000Z',
    expectedBy: '2026-11-09',
    firstResponseAt: '2026-11-02T20:00:00.000Z',
  },
  {
    key: 'C',
    dept: 'Product',
    type: 'Sales deck update',
    assignee: 'nina',
    createdAt: '2026-11-04T21:00:00.000Z',
    status: 'in_progress',
    expectedBy: '2026-11-09',
    firstResponseAt: '2026-11-05T14:30:00.000Z',
    pausedMinutes: 60,
    pausedSince: '2026-11-12T19:00:00.000Z',
    waitingOn: 'requester',
    rounds: 2,
    rush: true,
  },
  {
    key: 'D',
    dept: 'Product',
    type: 'Event banner',
    assignee: null,
    createdAt: '2026-11-13T04:30:00.000Z',
    status: 'intake',
    expectedBy: '2026-11-19',
  },
  {
    key: 'E',
    dept: 'Sales',
    type: 'Event banner',
    assignee: 'max',
    createdAt: '2026-11-02T04:30:00.000Z',
    status: 'done',
    completedAt: '2026-11-14T04:30:00.000Z',
    expectedBy: '2026-11-06',
    firstResponseAt: '2026-11-02T15:00:00.000Z',
    rounds: 3,
    rush: true,
  },
  {
    key: 'F',
    dept: 'Sales',
    type: 'Sales deck update',
    assignee: 'nina',
    createdAt: '2026-11-14T05:00:00.000Z',
    status: 'intake',
    expectedBy: '2026-11-18',
    rush: true,
  },
  {
    key: 'G',
    dept: 'Sales',
    type: 'Sales deck update',
    assignee: 'nina',
    createdAt: '2026-11-03T14:00:00.000Z',
    status: 'done',
    completedAt: '2026-11-05T20:00:00.000Z',
    expectedBy: '2026-11-06',
    firstResponseAt: '2026-11-03T14:20:00.000Z',
  },
  {
    key: 'H',
    dept: 'Customer Success',
    type: 'One-pager',
    assignee: 'max',
    createdAt: '2026-10-20T14:00:00.000Z',
    status: 'done',
    completedAt: '2026-10-30T15:00:00.000Z',
    expectedBy: '2026-10-27',
  },
  {
    key: 'I',
    dept: 'Customer Success',
    type: 'Press release',
    assignee: 'max',
    createdAt: '2026-10-26T14:00:00.000Z',
    status: 'declined',
    completedAt: '2026-11-03T15:00:00.000Z',
    expectedBy: '2026-11-04',
  },
];

interface World {
  t: TestApp;
  lead: Caller;
  marketer: Caller;
  sales: Caller;
  product: Caller;
  exec: Caller;
  ids: { type: Map<string, number>; department: Map<string, number>; user: Map<string, number> };
}

async function world(): Promise<World> {
  let now = new Date(at.now).getTime();
  const t = await createTestApp({ seed: 'baseline', now: () => new Date(now++) });
  await addUser(t, 'cmo@example.com', 'lead', 'Marketing');
  await addUser(t, 'max@example.com', 'marketer', 'Marketing');
  await addUser(t, 'nina@example.com', 'marketer', 'Marketing');
  await addUser(t, 'sam@example.com', 'requester', 'Sales');
  await addUser(t, 'priya@example.com', 'requester', 'Product');
  await addUser(t, 'elena@example.com', 'requester', 'Executive');
  t.app.db.update(users).set({ canViewInsights: true }).where(eq(users.email, 'elena@example.com')).run();
  const lead = await signIn(t, 'cmo@example.com');
  ok(await lead.put('/api/settings/company', { timezone: 'America/New_York' }));
  const db = t.app.db;
  const ids = {
    type: new Map(
      db
        .select({ id: requestTypes.id, name: requestTypes.name })
        .from(requestTypes)
        .all()
        .map((r) => [r.name, r.id]),
    ),
    department: new Map(
      db
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .all()
        .map((r) => [r.name, r.id]),
    ),
    user: new Map(
      db
        .select({ id: users.id, name: users.name })
        .from(users)
        .all()
        .map((r) => [r.name, r.id]),
    ),
  };
  const requesterOf = { Sales: 'sam', Product: 'priya', 'Customer Success': 'sam' } as const;
  fixtures.forEach((f, i) =>
    db
      .insert(requests)
      .values({
        title: `Fixture ${f.key}`,
        typeId: ids.type.get(f.type)!,
        requesterId: ids.user.get(requesterOf[f.dept])!,
        departmentId: ids.department.get(f.dept)!,
        status: f.status,
        resolution: f.status === 'done' ? 'delivered' : f.status === 'declined' ? 'declined' : null,
        assigneeId: f.assignee ? ids.user.get(f.assignee)! : null,
        position: `a${i}`,
        createdAt: f.createdAt,
        updatedAt: f.completedAt ?? f.createdAt,
        startedAt: f.status === 'intake' ? null : f.createdAt,
        completedAt: f.completedAt ?? null,
        expectedBy: f.expectedBy ?? null,
        firstResponseAt: f.firstResponseAt ?? null,
        pausedMinutes: f.pausedMinutes ?? 0,
        pausedSince: f.pausedSince ?? null,
        waitingOn: f.waitingOn ?? null,
        needsInfoRounds: f.rounds ?? 0,
        rush: f.rush ?? false,
      })
      .run(),
  );
  return {
    t,
    lead,
    marketer: await signIn(t, 'max@example.com'),
    sales: await signIn(t, 'sam@example.com'),
    product: await signIn(t, 'priya@example.com'),
    exec: await signIn(t, 'elena@example.com'),
    ids,
  };
}

const period = 'from=2026-11-02&to=2026-11-13';
const report = async (caller: Caller, groupBy: string) =>
  ok<ServiceLevels>(await caller.get(`/api/reports/service-levels?${period}&groupBy=${groupBy}`));
const row = (g: Partial<ServiceLevelGroup>) => g;

describe('GET /api/reports/service-levels', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(() => w.t.app.close());

  it('by type: on time against late, pauses finished and running, an even-count median, rounds per request, rushes', async () => {
    const answer = await report(w.lead, 'type');
    expect(answer).toMatchObject({ from: '2026-11-02', to: '2026-11-13', groupBy: 'type', peopleHidden: false });
    // One-pager (H, delivered before the period) and Press release (I, declined) have no group.
    expect(answer.groups).toEqual([
      row({
        key: String(w.ids.type.get('Event banner')),
        label: 'Event banner',
        // Filed: A, B, D (E was filed the evening before the period, local time).
        filed: 3,
        // Delivered: A (met), B (missed), E (missed, delivered 23:30 local on the period's last day).
        delivered: 3,
        onTime: 1,
        onTimeShare: 1 / 3,
        // A 60, B 240 (D has none): (60 + 240) / 2.
        medianFirstResponseMinutes: 150,
        // A 120; B and D none.
        pausedMinutes: 120,
        // 1 round (A) over 3 filed = 0.333…, to two decimals.
        needsInfoRounds: 0.33,
        rushCount: 1,
      }),
      row({
        key: String(w.ids.type.get('Sales deck update')),
        label: 'Sales deck update',
        // C and G (F is filed at the period's end instant, so after it).
        filed: 2,
        delivered: 1,
        onTime: 1,
        onTimeShare: 1,
        // G 20, C 90: (20 + 90) / 2.
        medianFirstResponseMinutes: 55,
        // C: 60 finished + 240 running (Thu 14:00 → Fri 10:00 local).
        pausedMinutes: 300,
        // C's 2 rounds over 2 filed.
        needsInfoRounds: 1,
        rushCount: 1,
      }),
    ]);
  });

  it('by department: an odd-count median, and a department with nothing delivered has no on-time share', async () => {
    const answer = await report(w.lead, 'department');
    expect(answer.groups).toEqual([
      row({
        key: String(w.ids.department.get('Product')),
        label: 'Product',
        filed: 2, // C, D
        delivered: 0,
        onTime: 0,
        onTimeShare: null,
        medianFirstResponseMinutes: 90, // C only
        pausedMinutes: 300,
        needsInfoRounds: 1, // 2 rounds / 2 filed
        rushCount: 1, // C
      }),
      row({
        key: String(w.ids.department.get('Sales')),
        label: 'Sales',
        filed: 3, // A, B, G
        delivered: 4, // A, B, E, G
        onTime: 2, // A, G
        onTimeShare: 0.5,
        medianFirstResponseMinutes: 60, // 20, 60, 240
        pausedMinutes: 120, // A
        needsInfoRounds: 0.33, // 1 / 3
        rushCount: 1, // A (E and F are outside the filing period)
      }),
    ]);
  });

  it('by marketer: unassigned requests are the group `none`, listed last', async () => {
    const answer = await report(w.lead, 'assignee');
    expect(answer.groups).toEqual([
      row({
        key: String(w.ids.user.get('max')),
        label: 'max',
        filed: 2, // A, B
        delivered: 3, // A, B, E
        onTime: 1,
        onTimeShare: 1 / 3,
        medianFirstResponseMinutes: 150,
        pausedMinutes: 120,
        needsInfoRounds: 0.5, // 1 / 2
        rushCount: 1,
      }),
      row({
        key: String(w.ids.user.get('nina')),
        label: 'nina',
        filed: 2, // C, G
        delivered: 1, // G
        onTime: 1,
        onTimeShare: 1,
        medianFirstResponseMinutes: 55,
        pausedMinutes: 300,
        needsInfoRounds: 1,
        rushCount: 1,
      }),
      row({
        key: 'none',
        label: 'Unassigned',
        filed: 1, // D
        delivered: 0,
        onTime: 0,
        onTimeShare: null,
        medianFirstResponseMinutes: null,
        pausedMinutes: 0,
        needsInfoRounds: 0,
        rushCount: 0,
      }),
    ]);
  });

  it('reads the period in the company time zone: in UTC the edges move and so do the figures', async () => {
    // The same dates as UTC days: [2026-11-02T00:00Z, 2026-11-14T00:00Z). E (04:30Z on the 2nd) is
    // now filed in the period and no longer delivered in it (04:30Z on the 14th); F still is not.
    const utc = await createTestApp({ seed: 'baseline', now: () => new Date(at.now) });
    try {
      const sameRows = utc.app.db;
      await addUser(utc, 'cmo@example.com', 'lead', 'Marketing');
      const lead = await signIn(utc, 'cmo@example.com');
      const typeId = sameRows.select({ id: requestTypes.id }).from(requestTypes).where(eq(requestTypes.name, 'Event banner')).get()!.id;
      const dept = sameRows.select({ id: departments.id }).from(departments).where(eq(departments.name, 'Sales')).get()!.id;
      const requester = sameRows.select({ id: users.id }).from(users).get()!.id;
      const e = fixtures.find((f) => f.key === 'E')!;
      sameRows
        .insert(requests)
        .values({
          title: 'Fixture E',
          typeId,
          requesterId: requester,
          departmentId: dept,
          status: 'done',
          resolution: 'delivered',
          position: 'a0',
          createdAt: e.createdAt,
          updatedAt: e.completedAt!,
          completedAt: e.completedAt!,
          expectedBy: e.expectedBy!,
          firstResponseAt: e.firstResponseAt!,
          needsInfoRounds: 3,
          rush: true,
        })
        .run();
      const answer = ok<ServiceLevels>(await lead.get(`/api/reports/service-levels?${period}&groupBy=department`));
      // In UTC, E is filed Mon 2 04:30 (clock from 09:00) and first answered at 15:00: 360 minutes.
      expect(answer.groups).toEqual([
        row({
          key: String(dept),
          label: 'Sales',
          filed: 1,
          delivered: 0,
          onTime: 0,
          onTimeShare: null,
          medianFirstResponseMinutes: 360,
          pausedMinutes: 0,
          needsInfoRounds: 3,
          rushCount: 1,
        }),
      ]);
    } finally {
      await utc.app.close();
    }
  });

  it('an empty period answers no groups', async () => {
    const answer = ok<ServiceLevels>(await w.lead.get('/api/reports/service-levels?from=2026-09-01&to=2026-09-30&groupBy=type'));
    expect(answer.groups).toEqual([]);
  });

  it('is for insights readers: a requester granted Insights reads it, other requesters and marketers are refused', async () => {
    expect((await report(w.exec, 'type')).groups).toHaveLength(2);
    expectProblem(await w.sales.get(`/api/reports/service-levels?${period}`), 403);
    expectProblem(await w.marketer.get(`/api/reports/service-levels?${period}`), 403);
  });

  it('names the field of a bad query', async () => {
    const bad = expectProblem(await w.lead.get('/api/reports/service-levels?groupBy=week'), 400);
    expect(bad.errors).toEqual([{ path: 'groupBy', message: expect.any(String) }]);
    const late = expectProblem(await w.lead.get('/api/reports/service-levels?from=2026-11-20&to=2026-11-01'), 400);
    expect(late.errors?.[0]?.path).toBe('from');
  });

  it('in the board view, a non-lead gets no per-marketer groups (peopleHidden), a lead still does', async () => {
    w.t.app.db
      .insert(settings)
      .values({ key: boardViewKey, value: 'true' })
      .onConflictDoUpdate({ target: settings.key, set: { value: 'true' } })
      .run();
    try {
      expect(await report(w.exec, 'assignee')).toMatchObject({ groups: [], peopleHidden: true });
      expect(await report(w.exec, 'type')).toMatchObject({ peopleHidden: false, groups: [expect.anything(), expect.anything()] });
      expect(await report(w.lead, 'assignee')).toMatchObject({
        peopleHidden: false,
        groups: [expect.anything(), expect.anything(), expect.anything()],
      });
    } finally {
      w.t.app.db.update(settings).set({ value: 'false' }).where(eq(settings.key, boardViewKey)).run();
    }
  });

  it("the insights' facts hold the same filings, rushes and rounds per department and on-time deliveries per type", () => {
    // Read through their own path (received counts, rushes and rounds of the requests with either,
    // surely late deliveries settled in SQL): the figures the department and type reports above work out.
    const db = w.t.app.db;
    const facts = gatherInsightFacts(db, periodOf(db, w.t.app.clock(), { from: '2026-11-02', to: '2026-11-13' }));
    const byName = <T extends { departmentName?: string; typeName?: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (a.departmentName ?? a.typeName ?? '').localeCompare(b.departmentName ?? b.typeName ?? ''));
    expect(byName(facts.serviceLevels!.byDepartment)).toEqual([
      // C, D filed; C's 2 rounds; C a rush.
      { departmentId: w.ids.department.get('Product'), departmentName: 'Product', filed: 2, rushes: 1, rounds: 2 },
      // A, B, G filed; A's 1 round; A a rush.
      { departmentId: w.ids.department.get('Sales'), departmentName: 'Sales', filed: 3, rushes: 1, rounds: 1 },
    ]);
    expect(byName(facts.serviceLevels!.byType)).toEqual([
      // A met; B and E missed.
      { typeId: w.ids.type.get('Event banner'), typeName: 'Event banner', delivered: 3, onTime: 1 },
      { typeId: w.ids.type.get('Sales deck update'), typeName: 'Sales deck update', delivered: 1, onTime: 1 },
    ]);
  });

  it('duplicates avoided (requests followed from the new-request form) reach the insights', async () => {
    const [a, b, c] = w.t.app.db.select({ id: requests.id }).from(requests).all();
    const sam = w.ids.user.get('sam')!;
    const followed = (requestId: number, createdAt: string, toValue: string | null) =>
      w.t.app.db.insert(activity).values({ requestId, actorId: sam, kind: 'followed', toValue, createdAt }).run();
    // Three in the period from the form; one followed from the request page (no `intake`); one before the period.
    followed(a!.id, '2026-11-03T15:00:00.000Z', 'intake');
    followed(b!.id, '2026-11-05T15:00:00.000Z', 'intake');
    followed(c!.id, '2026-11-13T04:00:00.000Z', 'intake'); // Thu 12 23:00 local: inside
    followed(c!.id, '2026-11-06T15:00:00.000Z', null);
    followed(a!.id, '2026-11-02T04:00:00.000Z', 'intake'); // Sun 1 23:00 local: outside
    const list = ok<InsightList>(await w.lead.get(`/api/reports/insights?${period}`));
    expect(list.items.find((i) => i.id === 'duplicates-avoided')).toMatchObject({
      text: 'Requesters followed 3 existing requests instead of filing duplicates.',
      figures: { duplicatesAvoided: 3 },
      link: `/insights?${period}#service-levels`,
    });
  });
});

describe('GET /api/requests/department-service', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(() => w.t.app.close());

  it("a requester reads their own department's last 90 days", async () => {
    // Today is Fri 13 Nov (local); 90 days back, today included, starts Sun 16 Aug.
    // Sales filed A, B, E, G in them (F is filed tomorrow, local time) and delivered all four.
    expect(ok<DepartmentService>(await w.sales.get('/api/requests/department-service'))).toEqual({
      departmentId: w.ids.department.get('Sales'),
      departmentName: 'Sales',
      from: '2026-08-16',
      to: '2026-11-13',
      filed: 4,
      delivered: 4,
      onTimeShare: 0.5, // A and G met; B and E missed
      rushShare: 0.5, // A and E
      needsInfoRounds: 1, // A 1 + E 3 over 4
      medianFirstResponseMinutes: 60, // G 20, A 60, E 60, B 240: (60 + 60) / 2
    });
    expect(ok<DepartmentService>(await w.product.get('/api/requests/department-service'))).toEqual({
      departmentId: w.ids.department.get('Product'),
      departmentName: 'Product',
      from: '2026-08-16',
      to: '2026-11-13',
      filed: 2,
      delivered: 0,
      onTimeShare: null,
      rushShare: 0.5, // C
      needsInfoRounds: 1, // C's 2 over 2
      medianFirstResponseMinutes: 90,
    });
  });

  it('a marketer reads Marketing, which filed nothing: counts of zero and no rates', async () => {
    expect(ok<DepartmentService>(await w.marketer.get('/api/requests/department-service'))).toMatchObject({
      departmentName: 'Marketing',
      filed: 0,
      delivered: 0,
      onTimeShare: null,
      rushShare: null,
      needsInfoRounds: null,
      medianFirstResponseMinutes: null,
    });
  });

  it('needs a session', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: '/api/requests/department-service' });
    expect(res.statusCode).toBe(401);
  });
});

describe('service-level insights say it plainly, and only past their thresholds', () => {
  const facts = (serviceLevels: ServiceLevelFacts): InsightFacts =>
    ({
      period: { from: '2026-11-02', to: '2026-11-13' },
      previousPeriod: { from: '2026-10-19', to: '2026-10-30' },
      covered: { time: false, requests: false },
      target: null,
      current: { strategicMinutes: 0, tacticalMinutes: 0, unclassifiedMinutes: 0 },
      previous: { strategicMinutes: 0, tacticalMinutes: 0, unclassifiedMinutes: 0 },
      byDepartmentType: [],
      byMarketer: [],
      cycleTimeByType: [],
      delivered: { current: { strategic: 0, tactical: 0, unclassified: 0 }, previous: { strategic: 0, tactical: 0, unclassified: 0 } },
      receivedByDepartment: [],
      handBack: [],
      serviceLevels,
    }) satisfies InsightFacts;
  const texts = (s: ServiceLevelFacts) => buildInsights(facts(s), serviceLevelRules).map((i) => i.text);
  const dept = (departmentName: string, filed: number, rushes: number, rounds: number) => ({
    departmentId: departmentName.length,
    departmentName,
    filed,
    rushes,
    rounds,
  });

  it('rush share and needs-info rounds per brief of the department with the most, on a real base', () => {
    expect(
      texts({
        // Sales: 12 of 29 = 41 %; 67 rounds / 29 = 2.31 → "2.3". Product: 2 of 20 rushes (10 %), 4 rounds / 20 = 0.2.
        byDepartment: [dept('Sales', 29, 12, 67), dept('Product', 20, 2, 4)],
        byType: [],
        duplicatesAvoided: 0,
      }),
    ).toEqual([
      // Importance: rounds 30 + 25 × 2.31 = 88 → capped at 65; rush 35 + 60 × (0.414 − 0.25) = 44.8.
      '2.3 needs-info rounds per Sales brief (67 rounds on 29 requests): a sign the intake questions miss something.',
      'Sales filed 41 % of its requests as rushes (12 of 29), needed before the turnaround could deliver them.',
    ]);
  });

  it('a small base is told in counts, and below five requests nothing is said', () => {
    expect(
      texts({
        // Partnerships: 4 of 6 rushes, 4 rounds on 6. Executive: 3 of 3 rushes, but only 3 filed.
        byDepartment: [dept('Partnerships', 6, 4, 4), dept('Executive', 3, 3, 9)],
        byType: [],
        duplicatesAvoided: 2, // under three: silent
      }),
    ).toEqual([
      'Partnerships filed 4 of its 6 requests as rushes, needed before the turnaround could deliver them.',
      'Partnerships briefs needed 4 needs-info rounds across 6 requests: a sign the intake questions miss something.',
    ]);
  });

  it('under the thresholds (a quarter rushes, half a round per brief, 80 % on time) there is nothing to say', () => {
    expect(
      texts({
        // 7 of 30 = 23 % rushes; 14 / 30 = 0.47 rounds; 8 of 10 = 80 % on time.
        byDepartment: [dept('Sales', 30, 7, 14)],
        byType: [{ typeId: 1, typeName: 'Event banner', delivered: 10, onTime: 8 }],
        duplicatesAvoided: 0,
      }),
    ).toEqual([]);
  });

  it('the type delivered on time least often, with its counts', () => {
    expect(
      texts({
        byDepartment: [],
        // Event banner 9 of 20 = 45 %; One-pager 3 of 4 is too few to judge; Case study 5 of 6 = 83 %.
        byType: [
          { typeId: 1, typeName: 'Event banner', delivered: 20, onTime: 9 },
          { typeId: 2, typeName: 'One-pager', delivered: 4, onTime: 0 },
          { typeId: 3, typeName: 'Case study', delivered: 6, onTime: 5 },
        ],
        duplicatesAvoided: 4,
      }),
    ).toEqual([
      'Only 45 % of Event banner requests were delivered on time (9 of 20); 11 missed their expected-by date.',
      'Requesters followed 4 existing requests instead of filing duplicates.',
    ]);
    expect(
      texts({ byDepartment: [], byType: [{ typeId: 1, typeName: 'Press release', delivered: 6, onTime: 2 }], duplicatesAvoided: 0 }),
    ).toEqual(['2 of the 6 Press release requests delivered were on time; 4 missed their expected-by date.']);
  });
});
