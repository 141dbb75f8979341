import { describe, expect, it } from 'vitest';
import type { Forecast } from '@altitude/shared/forecast';
import type { InsightFacts } from './facts';
import { forecastMissesTarget } from './forecast-rule';
import { buildInsights } from './build-insights';

/** Only `forecast` is read by this rule; the rest of the facts stay a quiet, empty period. */
const none = { strategic: 0, tactical: 0, unclassified: 0 };
const empty = { strategicMinutes: 0, tacticalMinutes: 0, unclassifiedMinutes: 0 };
const facts = (forecast?: Forecast): InsightFacts => ({
  period: { from: '2026-11-05', to: '2026-12-02' },
  previousPeriod: { from: '2026-10-08', to: '2026-11-04' },
  covered: { time: true, requests: true },
  target: null,
  current: empty,
  previous: empty,
  byDepartmentType: [],
  byMarketer: [],
  cycleTimeByType: [],
  delivered: { current: none, previous: none },
  receivedByDepartment: [],
  handBack: [],
  ...(forecast ? { forecast } : {}),
});

/** The unit cases' "behind" quarter (packages/shared/src/forecast.test.ts): 34 % (31–37 %) against 40 %. */
const behind: Forecast = {
  quarter: '2026-Q4',
  target: 0.4,
  shareSoFar: 6000 / 18600,
  projectedShare: 9137.5 / 26600,
  projectedLow: 8140 / 26600,
  projectedHigh: 9850 / 26600,
  neededStrategicMinutesPerWeek: 376,
  neededTacticalMinutesHandedBack: 3757,
  weeksLeft: 4,
};

describe('forecast insight', () => {
  it('says by how many points the quarter misses and what closes it, with the figures behind it', () => {
    const draft = forecastMissesTarget.apply(facts(behind))!;
    // 40 − 34 = 6 points; 376 min = 6.27 h → "6.3 h"; 3757 min = 62.6 h → "63 h"; 30.6 % → 31, 37.03 % → 37.
    expect(draft.text).toBe(
      'Projected to miss the target by 6 points: +6.3 h strategic a week closes it. ' +
        '2026-Q4 is heading for 34 % (31–37 %) against 40 %, with 4 weeks left; handing back 63 h of tactical work would close it too.',
    );
    expect(draft.section).toBe('forecast');
    // 65 + 6 × 1.5
    expect(draft.importance).toBe(74);
    expect(draft.figures).toMatchObject({
      gapPoints: 6,
      neededStrategicMinutesPerWeek: 376,
      neededTacticalMinutesHandedBack: 3757,
      weeksLeft: 4,
    });
  });

  it('says nothing without a forecast, a target or a projection, when on course, or with no week left', () => {
    expect(forecastMissesTarget.apply(facts())).toBeNull();
    expect(
      forecastMissesTarget.apply(facts({ ...behind, target: null, neededStrategicMinutesPerWeek: 0, neededTacticalMinutesHandedBack: 0 })),
    ).toBeNull();
    expect(forecastMissesTarget.apply(facts({ ...behind, projectedShare: null, projectedLow: null, projectedHigh: null }))).toBeNull();
    // 39.6 % shows as 40 %: on the target as displayed, so no "miss by 0 points".
    expect(forecastMissesTarget.apply(facts({ ...behind, projectedShare: 0.396, neededStrategicMinutesPerWeek: 30 }))).toBeNull();
    expect(
      forecastMissesTarget.apply(facts({ ...behind, target: 0.3, neededStrategicMinutesPerWeek: 0, neededTacticalMinutesHandedBack: 0 })),
    ).toBeNull();
    expect(forecastMissesTarget.apply(facts({ ...behind, weeksLeft: 0, neededStrategicMinutesPerWeek: 0 }))).toBeNull();
  });

  it('reads one point and one week in the singular, and leaves out a range that rounds to one figure', () => {
    const draft = forecastMissesTarget.apply(
      facts({
        ...behind,
        projectedShare: 0.39,
        projectedLow: 0.388,
        projectedHigh: 0.392,
        weeksLeft: 1,
        neededStrategicMinutesPerWeek: 90,
        neededTacticalMinutesHandedBack: 0,
      }),
    )!;
    expect(draft.text).toBe(
      'Projected to miss the target by 1 point: +1.5 h strategic a week closes it. 2026-Q4 is heading for 39 % against 40 %, with 1 week left.',
    );
  });

  it('ranks above a tidy-up and links to the forecast section', () => {
    const [first] = buildInsights(facts(behind));
    expect(first).toMatchObject({ id: 'forecast-misses-target', link: '/insights?from=2026-11-05&to=2026-12-02#forecast' });
  });
});
