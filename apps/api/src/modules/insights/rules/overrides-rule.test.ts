import { describe, expect, it } from 'vitest';
import type { InsightFacts } from './facts';
import { overridesMoveShare, type OverrideFacts } from './overrides-rule';

/** Only `overrides` is read by this rule; the rest of the facts stay a quiet, empty period. */
const none = { strategic: 0, tactical: 0, unclassified: 0 };
const empty = { strategicMinutes: 0, tacticalMinutes: 0, unclassifiedMinutes: 0 };
const facts = (overrides?: OverrideFacts): InsightFacts => ({
  period: { from: '2026-10-01', to: '2026-12-31' },
  previousPeriod: { from: '2026-07-01', to: '2026-09-30' },
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
  ...(overrides ? { overrides } : {}),
});

/** `toStrategic` minutes of `total` made strategic against a tactical default, `toTactical` the other way. */
function overrides(total: number, base: number, toStrategic: [number, number], toTactical: [number, number] = [0, 0]): OverrideFacts {
  const effect = (toStrategic[1] - toTactical[1]) / total;
  return {
    toStrategic: { count: toStrategic[0], minutes: toStrategic[1] },
    toTactical: { count: toTactical[0], minutes: toTactical[1] },
    shareEffect: effect,
    shareAtDefaults: base / total,
    strategicShare: base / total + effect,
  };
}

describe('overrides insight', () => {
  it('says nothing without overrides, or when they move the share by a point or less', () => {
    expect(overridesMoveShare.apply(facts())).toBeNull();
    // 60 of 6000 minutes = exactly 1 point: not more than a point.
    expect(overridesMoveShare.apply(facts(overrides(6000, 1860, [2, 60])))).toBeNull();
    expect(overridesMoveShare.apply(facts(overrides(6000, 1860, [0, 0], [1, 60])))).toBeNull();
  });

  it('fires just above a point, in either direction', () => {
    // 61 of 6000 = 1.02 points up: 31 % at defaults (1860 / 6000), 32 % reported (1921 / 6000).
    expect(overridesMoveShare.apply(facts(overrides(6000, 1860, [1, 61])))?.text).toBe(
      '1 request of tactical types was classified strategic; it lifts the share by 1 point (from 31 % to 32 %).',
    );
    // 61 of 6000 down: 31 % → 30 % (1799 / 6000 = 29.98 %).
    expect(overridesMoveShare.apply(facts(overrides(6000, 1860, [0, 0], [2, 61])))?.text).toBe(
      '2 requests of strategic types were classified tactical; they lower the share by 1 point (from 31 % to 30 %).',
    );
  });

  it("reads like the issue's example: 17 tactical-type requests lift the share by 4 points, from 31 % to 35 %", () => {
    // 100 h logged, 31 h strategic at defaults; the 17 overrides carry 4 h.
    const draft = overridesMoveShare.apply(facts(overrides(6000, 1860, [17, 240])));
    expect(draft).toMatchObject({
      text: '17 requests of tactical types were classified strategic; they lift the share by 4 points (from 31 % to 35 %).',
      section: 'overrides',
      figures: { toStrategicCount: 17, toStrategicMinutes: 240, toTacticalCount: 0 },
    });
    expect(draft!.figures.shareEffect).toBeCloseTo(0.04, 12);
  });
});
