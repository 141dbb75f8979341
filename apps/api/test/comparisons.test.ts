import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Headline, InsightList, TimeSplit } from '@altitude/shared/insights';
import { requests, timeEntries } from '../src/db/schema';
import { createTestApp, type TestApp } from './harness';
import { addUser, departmentId, ok, requestTypeId, signIn, tickingClock, type Caller } from './request-helpers';

/**
 * Every change on the Insights page follows one rule: quarters compare with the previous quarter,
 * months with the previous month, other ranges with the same number of days just before; an
 * earlier period the data does not cover is "no earlier data", a small base is told in absolute
 * numbers. The company's data starts in March 2026 (first request filed 10 March, first time
 * logged 16 March); every expected figure below is worked out by hand from the rows this file inserts.
 */
describe('comparisons that mean something', () => {
  let t: TestApp;
  let lead: Caller;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: tickingClock(new Date('2026-11-20T12:00:00.000Z')) });
    await addUser(t, 'lead@example.com', 'lead', 'Marketing');
    await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
    await addUser(t, 'sales@example.com', 'requester', 'Sales');
    lead = await signIn(t, 'lead@example.com');
    const marketer = await signIn(t, 'marketer@example.com');
    const sales = await signIn(t, 'sales@example.com');
    const banner = await requestTypeId(lead, 'Event banner');
    const caseStudy = await requestTypeId(lead, 'Case study');
    const salesId = await departmentId(lead, 'Sales');

    const file = (key: string, at: string, cls: 'strategic' | 'tactical' | null, completedAt: string | null = null) => {
      ids[key] = t.app.db
        .insert(requests)
        .values({
          title: `Request ${key}`,
          typeId: cls === 'strategic' ? caseStudy : banner,
          departmentId: salesId,
          requesterId: sales.user.id,
          classification: cls,
          classificationSuggested: cls === null,
          status: completedAt ? 'done' : 'planned',
          position: `p-${key}`,
          createdAt: at,
          updatedAt: at,
          startedAt: completedAt ? at : null,
          completedAt,
        })
        .returning()
        .get().id;
    };
    // Q1: the first requests (10 March), two more later in March. Received in Q1: 5.
    file('A', '2026-03-10T09:00:00.000Z', 'strategic');
    file('B', '2026-03-10T09:30:00.000Z', 'tactical');
    file('C', '2026-03-10T10:00:00.000Z', null);
    file('G1', '2026-03-20T10:00:00.000Z', 'tactical');
    file('G2', '2026-03-23T10:00:00.000Z', 'tactical');
    // Q2: six filed in May, two delivered in June.
    for (let i = 1; i <= 6; i++) {
      const done = i <= 2 ? `2026-06-1${i - 1}T10:00:00.000Z` : null;
      file(`D${i}`, `2026-05-1${i}T10:00:00.000Z`, 'tactical', done);
    }
    // Q3: five filed in August (three delivered in August), four in September (two delivered in September).
    const q3: [string, string, string | null][] = [
      ['E1', '2026-08-03', '2026-08-20'],
      ['E2', '2026-08-04', '2026-08-21'],
      ['E3', '2026-08-05', '2026-08-24'],
      ['E4', '2026-08-06', null],
      ['E5', '2026-08-07', null],
      ['E6', '2026-09-07', '2026-09-21'],
      ['E7', '2026-09-08', '2026-09-22'],
      ['E8', '2026-09-09', null],
      ['E9', '2026-09-10', null],
    ];
    for (const [key, filed, done] of q3) file(key, `${filed}T10:00:00.000Z`, 'tactical', done && `${done}T10:00:00.000Z`);
    // October: two filed, one delivered.
    file('F1', '2026-10-12T10:00:00.000Z', 'tactical', '2026-10-20T10:00:00.000Z');
    file('F2', '2026-10-13T10:00:00.000Z', 'tactical');

    const log = (key: string, date: string, minutes: number) =>
      t.app.db.insert(timeEntries).values({ requestId: ids[key]!, userId: marketer.user.id, minutes, date }).run();
    log('A', '2026-03-16', 120); // the first time logged
    log('A', '2026-05-05', 3000); // Q2: 50 h strategic, 50 h tactical
    log('B', '2026-05-06', 3000);
    // June: nothing logged.
    log('A', '2026-08-10', 2400); // Q3: 40 h strategic, 80 h tactical, 20 h unclassified
    log('B', '2026-09-15', 4800);
    log('C', '2026-09-16', 1200);
    log('A', '2026-10-05', 900); // October: 15 h strategic, 15 h tactical
    log('B', '2026-10-06', 900);
    log('B', '2026-11-03', 300); // 1–10 November: 5 h tactical
    log('A', '2026-11-12', 660); // 11–20 November: 11 h strategic
  });
  afterAll(() => t.app.close());

  const headline = async (from: string, to: string) => ok<Headline>(await lead.get(`/api/reports/headline?from=${from}&to=${to}`));
  const insights = async (from: string, to: string) => ok<InsightList>(await lead.get(`/api/reports/insights?from=${from}&to=${to}`));
  const noEarlierData = (unit: string, value: number) => ({
    unit,
    basis: 'no_earlier_data',
    value,
    previous: null,
    difference: null,
    relative: null,
  });

  it('a calendar quarter compares with the previous quarter: Q3 against Q2', async () => {
    const body = await headline('2026-07-01', '2026-09-30');
    // Q3: 2,400 strategic of 8,400 minutes; Q2: 3,000 of 6,000. 66 working days × 480 min × 2 (lead and marketer).
    expect(body).toMatchObject({
      from: '2026-07-01',
      to: '2026-09-30',
      target: null,
      loggedMinutes: 8400,
      availableMinutes: 63_360,
      previousPeriod: { from: '2026-04-01', to: '2026-06-30' },
      comparison: { from: '2026-04-01', to: '2026-06-30', strategicShare: 0.5, loggedMinutes: 6000 },
      unclassifiedMinutes: 1200,
      requestsReceived: 9,
      requestsDelivered: 5,
    });
    expect(body.strategicShare).toBeCloseTo(2400 / 8400, 12);
    expect(body.coverage).toBeCloseTo(8400 / 63_360, 12);
    expect(body.changes.loggedMinutes).toEqual({
      unit: 'minutes',
      basis: 'relative',
      value: 8400,
      previous: 6000,
      difference: 2400,
      relative: 0.4,
    });
    expect(body.changes.strategicShare).toMatchObject({ unit: 'share', basis: 'points', previous: 0.5, relative: null });
    expect(body.changes.strategicShare.difference).toBeCloseTo(2400 / 8400 - 0.5, 12);
    // Nothing unclassified in Q2: a base of 0 minutes reads "+20 h", not "new" or a percentage.
    expect(body.changes.unclassifiedMinutes).toEqual({
      unit: 'minutes',
      basis: 'absolute',
      value: 1200,
      previous: 0,
      difference: 1200,
      relative: null,
    });
    expect(body.changes.requestsReceived).toEqual({
      unit: 'requests',
      basis: 'relative',
      value: 9,
      previous: 6,
      difference: 3,
      relative: 0.5,
    });
    // Two delivered in Q2 is under five: "+3 requests", not "+150 %".
    expect(body.changes.requestsDelivered).toEqual({
      unit: 'requests',
      basis: 'absolute',
      value: 5,
      previous: 2,
      difference: 3,
      relative: null,
    });
  });

  it('a quarter whose previous quarter starts before the data: comparison null, every change "no earlier data"', async () => {
    // Q2 compares with Q1, which starts on 1 January, before the first entry (16 March) and request (10 March).
    const body = await headline('2026-04-01', '2026-06-30');
    expect(body).toMatchObject({
      loggedMinutes: 6000,
      strategicShare: 0.5,
      previousPeriod: { from: '2026-01-01', to: '2026-03-31' },
      comparison: null,
    });
    expect(body.changes).toEqual({
      strategicShare: noEarlierData('share', 0.5),
      loggedMinutes: noEarlierData('minutes', 6000),
      unclassifiedMinutes: noEarlierData('minutes', 0),
      requestsReceived: noEarlierData('requests', 6),
      requestsDelivered: noEarlierData('requests', 2),
    });
    // The time split's `previous` says the same.
    const split = ok<TimeSplit>(await lead.get('/api/reports/time-split?from=2026-04-01&to=2026-06-30'));
    expect(split.previous).toMatchObject({ from: '2026-01-01', to: '2026-03-31', covered: false });
    expect(split.previous.changes).toEqual({ loggedMinutes: noEarlierData('minutes', 6000), strategicShare: noEarlierData('share', 0.5) });
  });

  it('a calendar month compares with the previous month: October (31 days) against September (30)', async () => {
    const body = await headline('2026-10-01', '2026-10-31');
    // September: 4,800 tactical + 1,200 unclassified = 6,000 minutes, none strategic.
    expect(body).toMatchObject({
      loggedMinutes: 1800,
      strategicShare: 0.5,
      availableMinutes: 22 * 480 * 2,
      comparison: { from: '2026-09-01', to: '2026-09-30', strategicShare: 0, loggedMinutes: 6000 },
    });
    expect(body.changes.loggedMinutes).toEqual({
      unit: 'minutes',
      basis: 'relative',
      value: 1800,
      previous: 6000,
      difference: -4200,
      relative: -0.7,
    });
    expect(body.changes.strategicShare).toEqual({
      unit: 'share',
      basis: 'points',
      value: 0.5,
      previous: 0,
      difference: 0.5,
      relative: null,
    });
    // 1,200 unclassified minutes in September is a base of 20 h: a percentage (−100 %).
    expect(body.changes.unclassifiedMinutes).toMatchObject({ basis: 'relative', previous: 1200, relative: -1 });
    expect(body.changes.requestsReceived).toEqual({
      unit: 'requests',
      basis: 'absolute',
      value: 2,
      previous: 4,
      difference: -2,
      relative: null,
    });
    expect(body.changes.requestsDelivered).toEqual({
      unit: 'requests',
      basis: 'absolute',
      value: 1,
      previous: 2,
      difference: -1,
      relative: null,
    });
  });

  it('an earlier month the data covers but with no time logged in it has no earlier time data either', async () => {
    // July compares with June: after the first entry, but nothing was logged in June. Requests were
    // filed from March, so June's zero received and two delivered are real figures.
    const body = await headline('2026-07-01', '2026-07-31');
    expect(body).toMatchObject({
      loggedMinutes: 0,
      previousPeriod: { from: '2026-06-01', to: '2026-06-30' },
      comparison: null,
      coverage: 0,
    });
    expect(body.changes.loggedMinutes).toEqual(noEarlierData('minutes', 0));
    expect(body.changes.requestsDelivered).toEqual({
      unit: 'requests',
      basis: 'absolute',
      value: 0,
      previous: 2,
      difference: -2,
      relative: null,
    });
  });

  it('a custom 10-day range compares with the 10 days before, and a base under 10 hours is told in hours', async () => {
    const body = await headline('2026-11-11', '2026-11-20');
    expect(body).toMatchObject({
      loggedMinutes: 660,
      strategicShare: 1,
      availableMinutes: 8 * 480 * 2,
      previousPeriod: { from: '2026-11-01', to: '2026-11-10' },
      comparison: { from: '2026-11-01', to: '2026-11-10', strategicShare: 0, loggedMinutes: 300 },
    });
    // 300 minutes before is under the 600-minute base: "+6 h", never "+120 %".
    expect(body.changes.loggedMinutes).toEqual({
      unit: 'minutes',
      basis: 'absolute',
      value: 660,
      previous: 300,
      difference: 360,
      relative: null,
    });
    expect(body.changes.strategicShare).toMatchObject({ basis: 'points', difference: 1 });
    const split = ok<TimeSplit>(await lead.get('/api/reports/time-split?from=2026-11-11&to=2026-11-20&groupBy=department'));
    expect(split.previous).toMatchObject({ from: '2026-11-01', to: '2026-11-10', covered: true });
    expect(split.previous.changes.loggedMinutes).toEqual(body.changes.loggedMinutes);
  });

  it('a calendar month at the start of the data (March against February) has no earlier data', async () => {
    const body = await headline('2026-03-01', '2026-03-31');
    expect(body).toMatchObject({
      loggedMinutes: 120,
      requestsReceived: 5,
      comparison: null,
      previousPeriod: { from: '2026-02-01', to: '2026-02-28' },
    });
    expect(body.changes.requestsReceived).toEqual(noEarlierData('requests', 5));
  });

  describe('insights follow the same rule', () => {
    const byId = (list: InsightList, id: string) => list.items.find((i) => i.id === id);

    it('Q3 against Q2: the share and demand changes are told, a small delivered base is not turned into a percentage', async () => {
      const list = await insights('2026-07-01', '2026-09-30');
      // Share 50 % → 29 % (2,400 of 8,400); tactical 3,000 → 4,800 minutes, all of the rise from Sales banners.
      expect(byId(list, 'share-change')!.text).toBe(
        'Strategic share fell from 50 % to 29 %: tactical hours rose 60 % (50 h to 80 h), nearly all of the rise from Sales Event banner requests.',
      );
      expect(byId(list, 'demand-change')!.text).toBe(
        'Requests received rose 50 % (6 to 9); Sales accounts for nearly all of the rise (6 to 9).',
      );
      // 2 → 5 delivered is "+3", not "rose 150 %": too small a base for a sentence.
      expect(byId(list, 'throughput-change')).toBeUndefined();
      expect(list.items.map((i) => i.text).join(' ')).not.toMatch(/150 %/);
    });

    it('Q2 against an uncovered Q1: no sentence states a change', async () => {
      const list = await insights('2026-04-01', '2026-06-30');
      // Before the rule: "Strategic share fell from 100 % to 50 %" and "Requests received rose 20 % (5 to 6)".
      expect(list.items.map((i) => i.id)).not.toContain('share-change');
      expect(list.items.map((i) => i.id)).not.toContain('demand-change');
      expect(list.items.map((i) => i.id)).not.toContain('throughput-change');
      expect(list.items.map((i) => i.text).join(' ')).not.toMatch(/rose|fell/);
    });
  });
});
