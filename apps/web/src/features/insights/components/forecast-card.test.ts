import { describe, expect, it } from 'vitest';
import type { Forecast } from '@altitude/shared/forecast';
import { gapText, projectionText } from './forecast-card';

const behind: Forecast = {
  quarter: '2026-Q4',
  target: 0.4,
  shareSoFar: 2100 / 6300,
  projectedShare: 3650 / 10300,
  projectedLow: 3160 / 10300,
  projectedHigh: 4000 / 10300,
  neededStrategicMinutesPerWeek: 118,
  neededTacticalMinutesHandedBack: 1175,
  weeksLeft: 4,
};

describe('the forecast block', () => {
  it('reads the projection with its range and what closes the gap', () => {
    // 35.4 % → 35, 30.7 % → 31, 38.8 % → 39; 118 min = 2.0 h; 1175 min = 19.6 h.
    expect(projectionText(behind)).toBe('Projected 35 % by 31 Dec (31–39 %)');
    expect(gapText(behind)).toBe('+2 h strategic a week for the 4 weeks left, or 19.6 h of tactical work handed back');
  });

  it('leaves out a range that rounds to one figure, and a hand-back that cannot help', () => {
    const f = { ...behind, projectedShare: 0.3, projectedLow: 0.3, projectedHigh: 0.3, weeksLeft: 1, neededTacticalMinutesHandedBack: 0 };
    expect(projectionText(f)).toBe('Projected 30 % by 31 Dec');
    expect(gapText(f)).toBe('+2 h strategic a week for the 1 week left');
  });

  it('says when it is on course, has no target, no week left or nothing to project from', () => {
    expect(gapText({ ...behind, target: 0.3, neededStrategicMinutesPerWeek: 0, neededTacticalMinutesHandedBack: 0 })).toBe(
      'On course for the target',
    );
    expect(gapText({ ...behind, target: null })).toBe('No target is set for 2026-Q4.');
    expect(gapText({ ...behind, weeksLeft: 0, neededStrategicMinutesPerWeek: 0 })).toBe('No working week is left to close the gap.');
    const empty = { ...behind, shareSoFar: null, projectedShare: null, projectedLow: null, projectedHigh: null };
    expect(projectionText(empty)).toBeNull();
    expect(gapText(empty)).toBe('Nothing logged or planned yet to project from.');
  });
});
