import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { requests, timeEntries, users } from '../src/db/schema';
import { hashPassword } from '../src/modules/auth/password';
import { createTestApp, demoToday, type TestApp } from './harness';
import { allEntries, recomputeSplit, type GroupBy } from './report-oracle';

const groupBys: GroupBy[] = ['week', 'department', 'type', 'assignee'];
const baseDay = Date.UTC(2026, 5, 1); // 2026-06-01, a Monday
const dateOf = (offset: number) => new Date(baseDay + offset * 86_400_000).toISOString().slice(0, 10);

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
const scenarioArb = fc.record({
  requests: fc.array(requestArb, { minLength: 1, maxLength: 12 }),
  entries: fc.array(entryArb, { maxLength: 60 }),
  period: fc.tuple(fc.integer({ min: -5, max: 125 }), fc.integer({ min: -5, max: 125 })).map(([a, b]) => ({ from: dateOf(Math.min(a, b)), to: dateOf(Math.max(a, b)) })),
});

describe('report totals are exact (property)', () => {
  let t: TestApp;
  let lead: string;
  let marketers: number[];
  let requesterId: number;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: () => demoToday });
    const passwordHash = await hashPassword('a long test passphrase');
    const add = (email: string, role: 'lead' | 'marketer' | 'requester', departmentId: number) =>
      t.app.db.insert(users).values({ email, name: email.split('@')[0]!, role, departmentId, passwordHash }).returning().get().id;
    add('lead@example.com', 'lead', 5);
    marketers = [add('m1@example.com', 'marketer', 5), add('m2@example.com', 'marketer', 5), add('m3@example.com', 'marketer', 5)];
    requesterId = add('r1@example.com', 'requester', 1);
    lead = await t.login('lead@example.com', 'a long test passphrase');
  });
  afterAll(() => t.app.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: lead } });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('for random requests and time entries, every grouping of the time split adds up to the entries to the minute, and so do the headline and the export', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const db = t.app.db;
        db.delete(timeEntries).run();
        db.delete(requests).run();
        const ids = scenario.requests.map(
          (r, i) =>
            db
              .insert(requests)
              .values({ title: `Request ${i}`, typeId: r.typeId, departmentId: r.departmentId, requesterId, classification: r.classification, classificationSuggested: r.suggested, position: `p${i}`, updatedAt: demoToday.toISOString() })
              .returning()
              .get().id,
        );
        for (const e of scenario.entries) {
          db.insert(timeEntries)
            .values({ requestId: ids[e.request % ids.length]!, userId: marketers[e.marketer % marketers.length]!, minutes: e.minutes, date: dateOf(e.day) })
            .run();
        }
        const { from, to } = scenario.period;
        const entries = allEntries(db.$client);

        for (const groupBy of groupBys) {
          const body = (await get(`/api/reports/time-split?from=${from}&to=${to}&groupBy=${groupBy}`)).json();
          const expected = recomputeSplit(entries, from, to, groupBy);
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
            expect([g.key, g.strategicMinutes, g.tacticalMinutes, g.unclassifiedMinutes]).toEqual([g.key, want.strategic, want.tactical, want.unclassified]);
          }
          const shown = new Set(body.groups.map((g: { key: string }) => g.key));
          for (const key of expected.groups.keys()) expect(shown.has(key), `${groupBy} ${key}`).toBe(true);
        }

        const headline = (await get(`/api/reports/headline?from=${from}&to=${to}`)).json();
        const split = recomputeSplit(entries, from, to, 'week').total;
        expect(headline.loggedMinutes.value).toBe(split.strategic + split.tactical + split.unclassified);
        expect(headline.unclassifiedMinutes.value).toBe(split.unclassified);

        const csv = (await get(`/api/exports/time-entries.csv?from=${from}&to=${to}`)).body.trimEnd().split('\n').slice(1);
        const minutesColumn = 8;
        expect(csv.reduce((s, line) => s + Number(line.split(',')[minutesColumn]), 0)).toBe(split.strategic + split.tactical + split.unclassified);
      }),
      { numRuns: 40 },
    );
  });
});
