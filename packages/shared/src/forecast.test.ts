import { describe, expect, it } from 'vitest';
import { forecastToTarget, type ForecastInput, type ForecastRequest } from './forecast';

const day = (date: string, s: number, t: number, u = 0) => ({ date, strategicMinutes: s, tacticalMinutes: t, unclassifiedMinutes: u });
const open = (
  reportClass: ForecastRequest['reportClass'],
  estimateMinutes: number | null,
  loggedMinutes: number,
  dates: Partial<ForecastRequest> = {},
): ForecastRequest => ({
  reportClass,
  estimateMinutes,
  loggedMinutes,
  plannedFor: null,
  neededBy: null,
  expectedBy: null,
  ...dates,
});

/*
 * Today Wednesday 2 Dec 2026, quarter 2026-Q4 (1 Oct – 31 Dec), Christmas a holiday.
 * Working days after today: 3–4 Dec (2) + 7–11, 14–18 (10) + 21–24 (4, the 25th off) + 28–31 (4) = 20 → 4 weeks left.
 * Run-rate weeks (full weeks before Monday 30 Nov): 2, 9, 16, 23 Nov, five working days each.
 */
const behind: ForecastInput = {
  quarter: '2026-Q4',
  today: '2026-12-02',
  target: 0.4,
  holidays: ['2026-12-25'],
  firstLoggedDate: '2026-09-28',
  loggedByDay: [
    day('2026-09-28', 99_999, 0), // before the quarter and the run-rate weeks: counts nowhere
    day('2026-10-05', 3000, 6000, 1000),
    day('2026-11-03', 600, 1400), // week of 2 Nov: 2000, share 0.3
    day('2026-11-10', 1000, 1000), // week of 9 Nov: 2000, share 0.5
    day('2026-11-17', 400, 1600), // week of 16 Nov: 2000, share 0.2
    day('2026-11-24', 1000, 1000), // week of 23 Nov: 2000, share 0.5
    day('2026-12-02', 0, 600),
    day('2026-12-03', 5000, 0), // after today: not logged yet as far as the forecast knows
  ],
  openRequests: [
    open('strategic', 1200, 200, { plannedFor: '2026-12-10' }), // 1000 S
    open('tactical', 600, 900, { expectedBy: '2026-12-20' }), // over its estimate: 0
    open('tactical', 1000, 0), // no date: counted, 1000 T
    open('tactical', 5000, 0, { plannedFor: '2027-01-15', neededBy: '2026-12-01' }), // planned-for wins: after quarter end, out
    open('unclassified', 500, 0, { neededBy: '2027-02-01' }), // out
    open('strategic', null, 0), // no estimate: nothing to count
    open('unclassified', 300, 0, { expectedBy: '2026-12-31' }), // on quarter end: 300 U
  ],
};

describe('the forecast to target', () => {
  it('behind: projects logged + committed + run rate and says what closes the gap', () => {
    // So far: S 3000+600+1000+400+1000 = 6000; T 6000+1400+1000+1600+1000+600 = 11600; U 1000 → 18600, share 6000/18600.
    // Committed: S 1000, T 1000, U 300 → 2300.
    // Run rate: S 3000/4 = 750, T 5000/4 = 1250 per week → 2000, mix 0.375 strategic; weekly shares 0.3, 0.5, 0.2, 0.5.
    // Fill: 2000 × 4 − 2300 = 5700 → S 2137.5, T 3562.5.
    // Projected: S 6000+1000+2137.5 = 9137.5 of 18600+2300+5700 = 26600 → 0.34351.
    // Low: (7000 + 5700 × 0.2) / 26600 = 8140/26600; high: (7000 + 5700 × 0.5) / 26600 = 9850/26600.
    // Needed: 0.4 × 26600 = 10640; (10640 − 9137.5) / 4 = 375.625 → 376 a week.
    // Handed back: 26600 − 9137.5 / 0.4 = 26600 − 22843.75 = 3756.25 → 3757 (9137.5 / 22843 ≥ 0.4).
    const f = forecastToTarget(behind);
    expect(f.quarter).toBe('2026-Q4');
    expect(f.target).toBe(0.4);
    expect(f.shareSoFar).toBeCloseTo(6000 / 18600, 10);
    expect(f.projectedShare).toBeCloseTo(9137.5 / 26600, 10);
    expect(f.projectedLow).toBeCloseTo(8140 / 26600, 10);
    expect(f.projectedHigh).toBeCloseTo(9850 / 26600, 10);
    expect(f.weeksLeft).toBe(4);
    expect(f.neededStrategicMinutesPerWeek).toBe(376);
    expect(f.neededTacticalMinutesHandedBack).toBe(3757);
  });

  it('on track: the same projection against a 30 % target needs nothing', () => {
    // 9137.5 / 26600 = 34 % ≥ 30 %.
    const f = forecastToTarget({ ...behind, target: 0.3 });
    expect(f.projectedShare).toBeCloseTo(9137.5 / 26600, 10);
    expect(f.neededStrategicMinutesPerWeek).toBe(0);
    expect(f.neededTacticalMinutesHandedBack).toBe(0);
  });

  it('no target: the projection stands, nothing is needed', () => {
    const f = forecastToTarget({ ...behind, target: null });
    expect(f.target).toBeNull();
    expect(f.projectedShare).toBeCloseTo(9137.5 / 26600, 10);
    expect([f.neededStrategicMinutesPerWeek, f.neededTacticalMinutesHandedBack]).toEqual([0, 0]);
  });

  it('no data yet: every share is null, never NaN', () => {
    const f = forecastToTarget({ ...behind, loggedByDay: [], firstLoggedDate: null, openRequests: [] });
    expect(f).toEqual({
      quarter: '2026-Q4',
      target: 0.4,
      shareSoFar: null,
      projectedShare: null,
      projectedLow: null,
      projectedHigh: null,
      neededStrategicMinutesPerWeek: 0,
      neededTacticalMinutesHandedBack: 0,
      weeksLeft: 4,
    });
  });

  it('younger data: only the weeks since the first entry set the run rate', () => {
    // First entry Wed 18 Nov: weeks of 16 and 23 Nov count. Rate S (400+1000)/2 = 700, T (1600+1000)/2 = 1300 → 2000.
    // So far is unchanged (18600, S 6000); committed 2300; fill 8000 − 2300 = 5700 → S 5700 × 0.35 = 1995.
    // Projected S 6000 + 1000 + 1995 = 8995 of 26600. Shares 0.2 and 0.5: low 8140, high 9850 (as before).
    const f = forecastToTarget({ ...behind, firstLoggedDate: '2026-11-18' });
    expect(f.projectedShare).toBeCloseTo(8995 / 26600, 10);
    expect(f.projectedLow).toBeCloseTo(8140 / 26600, 10);
    expect(f.projectedHigh).toBeCloseTo(9850 / 26600, 10);
    // (10640 − 8995) / 4 = 411.25 → 412; 26600 − 8995/0.4 = 26600 − 22487.5 = 4112.5 → 4113.
    expect(f.neededStrategicMinutesPerWeek).toBe(412);
    expect(f.neededTacticalMinutesHandedBack).toBe(4113);
  });

  it('no full week of data: the quarter-so-far rate fills the rest, with no range', () => {
    // Today Wed 14 Oct; first entry Mon 12 Oct (this week). Working days so far 1 Oct (Thu) – 14 Oct = 10.
    // So far S 1000, T 1000 + 2000 = 3000 → 4000, share 0.25. Rate × 5/10: S 500, T 1500 → 2000 a week.
    // Working days after today: 15–16 Oct (2) + 19–30 Oct (10) + November (21) + December (23) = 56 → 11.2 weeks.
    // Fill 2000 × 11.2 = 22400 → S 5600, T 16800. Projected S 6600 of 26400 = 0.25.
    // Needed: (0.4 × 26400 − 6600) / 11.2 = 3960 / 11.2 = 353.57 → 354; handed back 26400 − 6600/0.4 = 9900.
    const f = forecastToTarget({
      quarter: '2026-Q4',
      today: '2026-10-14',
      target: 0.4,
      holidays: [],
      firstLoggedDate: '2026-10-12',
      loggedByDay: [day('2026-10-12', 1000, 1000), day('2026-10-14', 0, 2000)],
      openRequests: [],
    });
    expect(f.shareSoFar).toBe(0.25);
    expect(f.projectedShare).toBeCloseTo(0.25, 10);
    expect(f.projectedLow).toBe(f.projectedShare);
    expect(f.projectedHigh).toBe(f.projectedShare);
    expect(f.weeksLeft).toBe(11.2);
    expect(f.neededStrategicMinutesPerWeek).toBe(354);
    expect(f.neededTacticalMinutesHandedBack).toBe(9900);
  });

  it('first day of the quarter: the run rate comes from the weeks before it, a holiday week scaled to five days', () => {
    // Today Thu 1 Oct 2026. Run-rate weeks: 31 Aug, 7 Sep (Labour Day off: 4 working days), 14 Sep, 21 Sep.
    // 31 Aug: S 1000 T 1000; 7 Sep: S 400 T 1200 × 5/4 = S 500 T 1500; 14 Sep: S 600 T 1400; 21 Sep: S 1000 T 600 U 400.
    // Rate: S 3100/4 = 775, T 4500/4 = 1125, U 400/4 = 100 → 2000; shares 0.5, 0.25, 0.3, 0.5.
    // So far (1 Oct): S 120, T 360 → share 0.25. Working days after today: 66 in Q4 − 1 = 65 → 13 weeks.
    // Committed: a strategic estimate of 3000, no date. Fill 2000 × 13 − 3000 = 23000 → S 8912.5, T 12937.5, U 1150.
    // Projected S 120 + 3000 + 8912.5 = 12032.5 of 480 + 3000 + 23000 = 26480.
    // Low (0.25): 3120 + 5750 = 8870; high (0.5): 3120 + 11500 = 14620.
    const input: ForecastInput = {
      quarter: '2026-Q4',
      today: '2026-10-01',
      target: 0.4,
      holidays: ['2026-09-07'],
      firstLoggedDate: '2026-08-03',
      loggedByDay: [
        day('2026-09-01', 1000, 1000),
        day('2026-09-08', 400, 1200),
        day('2026-09-15', 600, 1400),
        day('2026-09-22', 1000, 600, 400),
        day('2026-09-29', 5000, 0), // this week, before the quarter: neither
        day('2026-10-01', 120, 360),
      ],
      openRequests: [open('strategic', 3000, 0)],
    };
    const f = forecastToTarget(input);
    expect(f.shareSoFar).toBe(0.25);
    expect(f.weeksLeft).toBe(13);
    expect(f.projectedShare).toBeCloseTo(12032.5 / 26480, 10);
    expect(f.projectedLow).toBeCloseTo(8870 / 26480, 10);
    expect(f.projectedHigh).toBeCloseTo(14620 / 26480, 10);
    // 45 % ≥ 40 %: on course.
    expect([f.neededStrategicMinutesPerWeek, f.neededTacticalMinutesHandedBack]).toEqual([0, 0]);
    // Against 50 %: (13240 − 12032.5) / 13 = 92.88 → 93; 26480 − 12032.5/0.5 = 26480 − 24065 = 2415.
    const higher = forecastToTarget({ ...input, target: 0.5 });
    expect(higher.neededStrategicMinutesPerWeek).toBe(93);
    expect(higher.neededTacticalMinutesHandedBack).toBe(2415);
  });

  it('last week: committed work fills what is left, so there is no range', () => {
    // Today Mon 28 Dec; working days after: 29, 30, 31 Dec → 0.6 weeks. Weeks 30 Nov–21 Dec: S 500 T 1500 each.
    // So far S 2000 T 6000. Committed T 2400 (planned 30 Dec). Fill 2000 × 0.6 − 2400 < 0 → 0.
    // Projected S 2000 of 10400. Needed (4160 − 2000) / 0.6 = 3600; handed back 10400 − 5000 = 5400.
    const f = forecastToTarget({
      quarter: '2026-Q4',
      today: '2026-12-28',
      target: 0.4,
      holidays: [],
      firstLoggedDate: '2026-12-01',
      loggedByDay: ['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22'].map((d) => day(d, 500, 1500)),
      openRequests: [open('tactical', 2400, 0, { plannedFor: '2026-12-30' })],
    });
    expect(f.weeksLeft).toBe(0.6);
    expect(f.projectedShare).toBeCloseTo(2000 / 10400, 10);
    expect(f.projectedLow).toBe(f.projectedShare);
    expect(f.projectedHigh).toBe(f.projectedShare);
    expect(f.neededStrategicMinutesPerWeek).toBe(3600);
    expect(f.neededTacticalMinutesHandedBack).toBe(5400);
  });

  it('last day: no week left, and no more tactical handed back than is projected', () => {
    // Today Thu 31 Dec: 0 working days after. So far S 1000, T 1000, U 8000 → 10000.
    // Handed back 10000 − 1000/0.4 = 7500, but only 1000 tactical exists.
    const f = forecastToTarget({
      quarter: '2026-Q4',
      today: '2026-12-31',
      target: 0.4,
      holidays: [],
      firstLoggedDate: '2026-12-31',
      loggedByDay: [day('2026-12-31', 1000, 1000, 8000)],
      openRequests: [],
    });
    expect(f.weeksLeft).toBe(0);
    expect(f.shareSoFar).toBe(0.1);
    expect(f.projectedShare).toBe(0.1);
    expect(f.neededStrategicMinutesPerWeek).toBe(0);
    expect(f.neededTacticalMinutesHandedBack).toBe(1000);
  });

  it('an ended quarter is its outcome: nothing committed, nothing left to hand back', () => {
    // Q4 as seen on 5 Jan 2027: so far S 6000 of 18600 (the 3 Dec entry counts now); committed work is ignored.
    // 6000 + 5000 = 11000 strategic of 18600 + 5000 = 23600.
    const f = forecastToTarget({ ...behind, today: '2027-01-05' });
    expect(f.shareSoFar).toBeCloseTo(11000 / 23600, 10);
    expect(f.projectedShare).toBeCloseTo(11000 / 23600, 10);
    expect(f.weeksLeft).toBe(0);
    expect([f.neededStrategicMinutesPerWeek, f.neededTacticalMinutesHandedBack]).toEqual([0, 0]);
  });
});
