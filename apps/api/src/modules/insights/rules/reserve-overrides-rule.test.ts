import { describe, expect, it } from 'vitest';
import type { InsightFacts, ReserveOverrideFacts } from './facts';
import { reserveOverridesByDepartment } from './reserve-overrides-rule';

/** Only `reserveOverrides` is read by this rule; the rest of the facts stay a quiet, empty period. */
const none = { strategic: 0, tactical: 0, unclassified: 0 };
const empty = { strategicMinutes: 0, tacticalMinutes: 0, unclassifiedMinutes: 0 };
const facts = (reserveOverrides?: ReserveOverrideFacts[]): InsightFacts => ({
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
  ...(reserveOverrides ? { reserveOverrides } : {}),
});
const dept = (departmentId: number, departmentName: string, count: number, reserveMinutes: number) => ({
  departmentId,
  departmentName,
  count,
  reserveMinutes,
});

describe('reserve overrides insight', () => {
  it('says nothing without overrides, with fewer than three, or when no department has more than half', () => {
    expect(reserveOverridesByDepartment.apply(facts())).toBeNull();
    expect(reserveOverridesByDepartment.apply(facts([dept(1, 'Sales', 2, 300)]))).toBeNull();
    // 2 of 4 is half, not most.
    expect(reserveOverridesByDepartment.apply(facts([dept(1, 'Sales', 2, 300), dept(2, 'Product', 2, 60)]))).toBeNull();
  });

  it('names the department behind most overrides, with the reserve hours as evidence', () => {
    // Sales 3 of 4 overrides (three quarters), 9 h 30 m = 570 minutes of reserve; Product 1, 60 minutes.
    const draft = reserveOverridesByDepartment.apply(facts([dept(2, 'Product', 1, 60), dept(1, 'Sales', 3, 570)]));
    expect(draft).toEqual({
      // 40 + 40 × 0.75 + 570 / 60 = 40 + 30 + 9.5 = 79.5
      importance: 79.5,
      text: 'Sales caused three quarters of the reserve overrides (3 of 4 overrides): 9.5 h of strategic reserve given to its tactical work.',
      figures: { departmentId: 1, count: 3, totalCount: 4, reserveMinutes: 570, totalReserveMinutes: 630 },
      section: 'reserve-overrides',
    });
  });
});
