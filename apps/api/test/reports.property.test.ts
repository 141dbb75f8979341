import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { activity, comments, requests, timeEntries, users } from '../src/db/schema';
import { hashPassword } from '../src/lib/password';
import { createTestApp, demoToday, type TestApp } from './harness';
import {
  allEntries,
  allRequests,
  classOf,
  cycleDays,
  monday,
  onDays,
  percentileInc,
  readRollups,
  recomputeRequestCounts,
  recomputeRollups,
  recomputeSplit,
  type Class,
  type EntryRow,
  type GroupBy,
  type RequestRow,
} from './report-oracle';

const groupBys: GroupBy[] = ['week', 'department', 'type', 'assignee', 'initiative'];
const baseDay = Date.UTC(2026, 5, 1); // 2026-06-01, a Monday
const dateOf = (offset: number) => new Date(baseDay + offset * 86_400_000).toISOString().slice(0, 10);
/** Requests are filed before the first day time is logged on them: time cannot predate the filing. */
const filedAt = new Date(baseDay - 10 * 86_400_000).toISOString();

const requestArb = fc.record({
  typeId: fc.integer({ min: 1, max: 14 }),
  departmentId: fc.integer({ min: 1, max: 6 }),
  classification: fc.constantFrom(null, 'strategic', 'tactical'),
  suggested: fc.boolean(),
});
const entryArb = fc.record({
  request: fc.nat(),
  marketer: fc.nat(),
  minutes: fc.integer({ min: 1, max: 1440 }),
  day: fc.integer({ min: 0, max: 120 }),
});
const periodArb = fc
  .tuple(fc.integer({ min: -5, max: 125 }), fc.integer({ min: -5, max: 125 }))
  .map(([a, b]) => ({ from: dateOf(Math.min(a, b)), to: dateOf(Math.max(a, b)) }));
type RequestSpec = { typeId: number; departmentId: number; classification: 'strategic' | 'tactical' | null; suggested: boolean };
type EntrySpec = { request: number; marketer: number; minutes: number; day: number };
const scenarioArb = fc.record({
  requests: fc.array(requestArb, { minLength: 1, maxLength: 12 }),
  entries: fc.array(entryArb, { maxLength: 60 }),
  period: periodArb,
});

const minutesArb = fc.integer({ min: 1, max: 1440 });
const dayArb = fc.integer({ min: 0, max: 120 });
/** Every way time and a request's class, department or type can change, through the API where it has a route. */
const writeArb = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), request: fc.nat(), marketer: fc.nat(), minutes: minutesArb, day: dayArb }),
  fc.record({ kind: fc.constant('log' as const), request: fc.nat(), minutes: minutesArb, day: dayArb }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(),
    minutes: fc.option(minutesArb, { nil: undefined }),
    day: fc.option(dayArb, { nil: undefined }),
    marketer: fc.option(fc.nat(), { nil: undefined }),
    request: fc.option(fc.nat(), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('classify' as const),
    request: fc.nat(),
    classification: fc.constantFrom('strategic' as const, 'tactical' as const),
  }),
  fc.record({
    kind: fc.constant('reclassify' as const),
    request: fc.nat(),
    classification: fc.constantFrom(null, 'strategic' as const, 'tactical' as const),
    suggested: fc.boolean(),
  }),
  // Corrections through the API (PATCH and DELETE /api/time-entries/:id), by the author when the
  // entry is theirs and recent, by the lead otherwise; minutes and dates move across weeks.
  fc.record({
    kind: fc.constant('correct' as const),
    pick: fc.nat(),
    minutes: fc.option(minutesArb, { nil: undefined }),
    day: fc.option(dayArb, { nil: undefined }),
    note: fc.option(fc.constantFrom('', 'fixed'), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('authorLog' as const), request: fc.nat(), marketer: fc.nat(), minutes: minutesArb, day: dayArb }),
  fc.record({ kind: fc.constant('retype' as const), request: fc.nat(), typeId: fc.integer({ min: 1, max: 14 }) }),
  fc.record({ kind: fc.constant('department' as const), request: fc.nat(), departmentId: fc.integer({ min: 1, max: 6 }) }),
);

describe('report totals are exact (property)', () => {
  let t: TestApp;
  let lead: string;
  let leadId: number;
  let marketers: number[];
  let requesterId: number;
  /** Each marketer's session, so they can log and correct their own entries. */
  const marketerCookies = new Map<number, string>();
  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: () => demoToday });
    const passwordHash = await hashPassword('a long test passphrase');
    const add = (email: string, role: 'lead' | 'marketer' | 'requester', departmentId: number) =>
      t.app.db
        .insert(users)
        .values({ email, name: email.split('@')[0]!, role, departmentId, passwordHash })
        .returning()
        .get().id;
    leadId = add('lead@example.com', 'lead', 5);
    marketers = [add('m1@example.com', 'marketer', 5), add('m2@example.com', 'marketer', 5), add('m3@example.com', 'marketer', 5)];
    requesterId = add('r1@example.com', 'requester', 1);
    lead = await t.login('lead@example.com', 'a long test passphrase');
    for (const [i, id] of marketers.entries()) marketerCookies.set(id, await t.login(`m${i + 1}@example.com`, 'a long test passphrase'));
  });
  afterAll(() => t.app.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: lead } });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const send = async (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie = lead) => {
    const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie } });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  };

  /** Empties the requests and time entries (the rollups follow through their triggers), then files the scenario's. */
  function reset(
    scenario: { requests: RequestSpec[]; entries: EntrySpec[] },
    extra: (i: number) => Partial<typeof requests.$inferInsert> = () => ({}),
  ): number[] {
    const db = t.app.db;
    db.delete(timeEntries).run();
    db.delete(activity).run();
    db.delete(comments).run();
    db.delete(requests).run();
    const ids = scenario.requests.map(
      (r, i) =>
        db
          .insert(requests)
          .values({
            title: `Request ${i}`,
            typeId: r.typeId,
            departmentId: r.departmentId,
            requesterId,
            classification: r.classification,
            classificationSuggested: r.suggested,
            // Any class may be against its type's default, which takes a note: these rows have one, so retyping them is allowed.
            classificationNote: 'Set by the scenario',
            position: `p${i}`,
            createdAt: filedAt,
            updatedAt: demoToday.toISOString(),
            ...extra(i),
          })
          .returning()
          .get().id,
    );
    for (const e of scenario.entries) {
      db.insert(timeEntries)
        .values({
          requestId: ids[e.request % ids.length]!,
          userId: marketers[e.marketer % marketers.length]!,
          minutes: e.minutes,
          date: dateOf(e.day),
        })
        .run();
    }
    return ids;
  }

  /** Every grouping of the time split against the entries: minutes by class and distinct requests per group, to the minute. */
  async function expectSplitsExact(entries: EntryRow[], from: string, to: string) {
    for (const groupBy of groupBys) {
      const body = (await get(`/api/reports/time-split?from=${from}&to=${to}&groupBy=${groupBy}`)).json();
      const expected = recomputeSplit(entries, from, to, groupBy);
      const requestCounts = recomputeRequestCounts(entries, from, to, groupBy);
      const all = expected.total.strategic + expected.total.tactical + expected.total.unclassified;
      expect(body.total).toEqual({
        strategicMinutes: expected.total.strategic,
        tacticalMinutes: expected.total.tactical,
        unclassifiedMinutes: expected.total.unclassified,
        totalMinutes: all,
        strategicShare: all === 0 ? 0 : expected.total.strategic / all,
      });
      for (const g of body.groups) {
        const want = expected.groups.get(g.key) ?? { strategic: 0, tactical: 0, unclassified: 0 };
        expect([groupBy, g.key, g.strategicMinutes, g.tacticalMinutes, g.unclassifiedMinutes, g.requestCount]).toEqual([
          groupBy,
          g.key,
          want.strategic,
          want.tactical,
          want.unclassified,
          requestCounts.get(g.key) ?? 0,
        ]);
      }
      const shown = new Set(body.groups.map((g: { key: string }) => g.key));
      for (const key of expected.groups.keys()) expect(shown.has(key), `${groupBy} ${key}`).toBe(true);
    }
  }

  it('for random requests and time entries, every grouping of the time split adds up to the entries to the minute, and so do the headline and the export', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        reset(scenario);
        const { from, to } = scenario.period;
        const entries = allEntries(t.app.db.$client);
        await expectSplitsExact(entries, from, to);

        const headline = (await get(`/api/reports/headline?from=${from}&to=${to}`)).json();
        const split = recomputeSplit(entries, from, to, 'week').total;
        expect(headline.loggedMinutes).toBe(split.strategic + split.tactical + split.unclassified);
        expect(headline.unclassifiedMinutes).toBe(split.unclassified);

        const csv = (await get(`/api/exports/time-entries.csv?from=${from}&to=${to}`)).body.trimEnd().split('\n').slice(1);
        const minutesColumn = 8;
        expect(csv.reduce((s, line) => s + Number(line.split(',')[minutesColumn]), 0)).toBe(
          split.strategic + split.tactical + split.unclassified,
        );
      }),
      { numRuns: 40 },
    );
  });

  it('the rollups the triggers keep equal a plain recomputation from the time entries after any sequence of writes: time logged, edited, moved and deleted (directly and through PATCH and DELETE /api/time-entries/:id); requests reclassified, retyped and moved between departments', async () => {
    const db = t.app.db;
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.array(writeArb, { minLength: 1, maxLength: 30 }), periodArb, async (scenario, writes, period) => {
        const ids = reset(scenario);
        expect(readRollups(db.$client)).toEqual(recomputeRollups(allEntries(db.$client)));
        const requestOf = (n: number) => ids[n % ids.length]!;
        const entryAt = (n: number) => {
          const all = db.select({ id: timeEntries.id }).from(timeEntries).orderBy(timeEntries.id).all();
          return all.length ? all[n % all.length]!.id : null;
        };
        const versionOf = (id: number) => db.select({ version: requests.version }).from(requests).where(eq(requests.id, id)).get()!.version;
        /** Who corrects an entry: its author when a marketer logged it through the API today (well within 14 days), else the lead. */
        const correctorOf = (id: number) => {
          const e = db.select().from(timeEntries).where(eq(timeEntries.id, id)).get()!;
          const today = demoToday.toISOString().slice(0, 10);
          return { version: e.version, cookie: e.createdAt.startsWith(today) ? (marketerCookies.get(e.userId) ?? lead) : lead };
        };
        for (const w of writes) {
          switch (w.kind) {
            case 'insert':
              db.insert(timeEntries)
                .values({
                  requestId: requestOf(w.request),
                  userId: marketers[w.marketer % marketers.length]!,
                  minutes: w.minutes,
                  date: dateOf(w.day),
                })
                .run();
              break;
            case 'log':
              await send('POST', `/api/requests/${requestOf(w.request)}/time-entries`, { minutes: w.minutes, date: dateOf(w.day) });
              break;
            case 'delete': {
              const id = entryAt(w.pick);
              if (id !== null) db.delete(timeEntries).where(eq(timeEntries.id, id)).run();
              break;
            }
            case 'edit': {
              const id = entryAt(w.pick);
              const set = {
                ...(w.minutes === undefined ? {} : { minutes: w.minutes }),
                ...(w.day === undefined ? {} : { date: dateOf(w.day) }),
                ...(w.marketer === undefined ? {} : { userId: [...marketers, leadId][w.marketer % (marketers.length + 1)]! }),
                ...(w.request === undefined ? {} : { requestId: requestOf(w.request) }),
              };
              if (id !== null && Object.keys(set).length) db.update(timeEntries).set(set).where(eq(timeEntries.id, id)).run();
              break;
            }
            case 'authorLog': {
              const cookie = marketerCookies.get(marketers[w.marketer % marketers.length]!)!;
              await send('POST', `/api/requests/${requestOf(w.request)}/time-entries`, { minutes: w.minutes, date: dateOf(w.day) }, cookie);
              break;
            }
            case 'correct': {
              const id = entryAt(w.pick);
              const change = {
                ...(w.minutes === undefined ? {} : { minutes: w.minutes }),
                ...(w.day === undefined ? {} : { date: dateOf(w.day) }),
                ...(w.note === undefined ? {} : { note: w.note }),
              };
              if (id === null || Object.keys(change).length === 0) break;
              const { version, cookie } = correctorOf(id);
              await send('PATCH', `/api/time-entries/${id}`, { ...change, version }, cookie);
              break;
            }
            case 'remove': {
              const id = entryAt(w.pick);
              if (id !== null) await send('DELETE', `/api/time-entries/${id}`, undefined, correctorOf(id).cookie);
              break;
            }
            case 'classify': {
              const id = requestOf(w.request);
              await send('PUT', `/api/requests/${id}/classification`, {
                classification: w.classification,
                note: 'Reclassified by the scenario',
                version: versionOf(id),
              });
              break;
            }
            case 'reclassify':
              db.update(requests)
                .set({ classification: w.classification, classificationSuggested: w.suggested })
                .where(eq(requests.id, requestOf(w.request)))
                .run();
              break;
            case 'retype': {
              const id = requestOf(w.request);
              await send('PATCH', `/api/requests/${id}`, { typeId: w.typeId, version: versionOf(id) });
              break;
            }
            case 'department':
              db.update(requests)
                .set({ departmentId: w.departmentId })
                .where(eq(requests.id, requestOf(w.request)))
                .run();
              break;
          }
        }
        const entries = allEntries(db.$client);
        expect(readRollups(db.$client)).toEqual(recomputeRollups(entries));
        await expectSplitsExact(entries, period.from, period.to);
        // Each request's logged total, as the API answers it, is the sum of its entries.
        for (const id of ids) {
          const want = entries.filter((e) => e.requestId === id).reduce((sum, e) => sum + e.minutes, 0);
          expect((await get(`/api/requests/${id}`)).json().loggedMinutes, `request ${id}`).toBe(want);
        }
      }),
      { numRuns: 40 },
    );
  });

  const flowRequestArb = fc.record({
    typeId: fc.integer({ min: 1, max: 14 }),
    departmentId: fc.integer({ min: 1, max: 6 }),
    classification: fc.constantFrom(null, 'strategic', 'tactical'),
    suggested: fc.boolean(),
    status: fc.constantFrom('done', 'done', 'done', 'in_progress', 'declined'),
    /** Completion: day and minute of the day; cycle time in minutes, or none (never started). */
    completedDay: dayArb,
    completedMinute: fc.integer({ min: 0, max: 1439 }),
    cycleMinutes: fc.option(fc.oneof(fc.integer({ min: 0, max: 60 * 24 * 40 }), fc.constantFrom(0, 60 * 24, 60 * 24 * 3)), { nil: null }),
  });

  it('for random deliveries, cycle time median and 85th percentile overall, by class and by type, throughput and deliveries match a plain recomputation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(flowRequestArb, { minLength: 1, maxLength: 40 }), periodArb, async (rows, { from, to }) => {
        const iso = (ms: number) => new Date(ms).toISOString();
        reset({ requests: rows, entries: [] }, (i) => {
          const r = rows[i]!;
          const completed = baseDay + r.completedDay * 86_400_000 + r.completedMinute * 60_000;
          const open = r.status === 'in_progress';
          return {
            status: r.status,
            completedAt: open ? null : iso(completed),
            startedAt: r.cycleMinutes === null ? null : iso(completed - r.cycleMinutes * 60_000),
            createdAt: iso(completed - 50 * 86_400_000),
          };
        });
        const all = allRequests(t.app.db.$client);
        const done = all.filter((r) => r.status === 'done' && onDays(r.completedAt, from, to));
        const started = done.filter((r) => r.startedAt);
        const body = (await get(`/api/reports/flow?from=${from}&to=${to}`)).json();
        const near = (actual: number | null, expected: number | null) => {
          if (expected === null) return expect(actual).toBeNull();
          expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(0.05 + 1e-9);
        };
        const expectStats = (got: { count: number; medianDays: number | null; p85Days: number | null }, want: RequestRow[]) => {
          expect(got.count).toBe(want.length);
          near(got.medianDays, percentileInc(want.map(cycleDays), 0.5));
          near(got.p85Days, percentileInc(want.map(cycleDays), 0.85));
        };
        expectStats(body.cycleTime.overall, started);
        for (const c of ['strategic', 'tactical', 'unclassified'] as Class[]) {
          expectStats(
            body.cycleTime.byClass.find((x: { classification: string }) => x.classification === c),
            started.filter((r) => classOf(r) === c),
          );
        }
        for (const got of body.cycleTime.byType)
          expectStats(
            got,
            started.filter((r) => r.typeId === got.typeId),
          );
        for (const w of body.throughput) {
          const inWeek = done.filter((r) => monday(r.completedAt!.slice(0, 10)) === w.week);
          const by = (c: Class) => inWeek.filter((r) => classOf(r) === c).length;
          expect(w).toEqual({
            week: w.week,
            strategic: by('strategic'),
            tactical: by('tactical'),
            unclassified: by('unclassified'),
            total: inWeek.length,
          });
        }
        const headline = (await get(`/api/reports/headline?from=${from}&to=${to}`)).json();
        expect(headline.requestsDelivered).toBe(done.length);
      }),
      { numRuns: 40 },
    );
  });
});
