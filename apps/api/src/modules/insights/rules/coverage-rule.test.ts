import { describe, expect, it } from 'vitest';
import type { Coverage, CoveragePerson } from '@altitude/shared/working-time';
import { lowCoverage } from './coverage-rule';
import type { InsightFacts } from './facts';

/** Only `coverage` matters to this rule; the rest is a quiet period. */
const facts = (coverage: Coverage | undefined): InsightFacts => ({
  period: { from: '2026-11-02', to: '2026-11-29' },
  previousPeriod: { from: '2026-10-05', to: '2026-11-01' },
  covered: { time: true, requests: true },
  target: null,
  current: { strategicMinutes: 0, tacticalMinutes: 0, unclassifiedMinutes: 0 },
  previous: { strategicMinutes: 0, tacticalMinutes: 0, unclassifiedMinutes: 0 },
  byDepartmentType: [],
  byMarketer: [],
  cycleTimeByType: [],
  delivered: { current: { strategic: 0, tactical: 0, unclassified: 0 }, previous: { strategic: 0, tactical: 0, unclassified: 0 } },
  receivedByDepartment: [],
  handBack: [],
  coverage,
});

const person = (userId: number, name: string, loggedMinutes: number, availableMinutes: number): CoveragePerson => ({
  userId,
  name,
  weeklyMinutes: 2400,
  loggedMinutes,
  availableMinutes,
  coverage: loggedMinutes / availableMinutes,
});

const coverage = (people: CoveragePerson[]): Coverage => {
  const loggedMinutes = people.reduce((s, p) => s + p.loggedMinutes, 0);
  const availableMinutes = people.reduce((s, p) => s + p.availableMinutes, 0);
  return {
    from: '2026-11-02',
    to: '2026-11-29',
    loggedMinutes,
    availableMinutes,
    coverage: availableMinutes > 0 ? loggedMinutes / availableMinutes : null,
    workingDays: 20,
    holidays: [],
    people,
  };
};

// Four weeks at 40 h: 9600 minutes (160 h) each.
const full = 9600;

describe('low coverage insight (below 60 %)', () => {
  it("issue 11's example: 250 h of five people's 800 h, naming the person with the widest gap", () => {
    // Logged: 2640 (44 h) + 3360 + 3000 + 3000 + 3000 = 15000 min = 250 h of 48000 = 800 h: 31.25 % → "31 %".
    const team = coverage([
      person(1, 'Ana', 3360, full),
      person(2, 'Ben', 3000, full),
      person(3, 'Max Ortega', 2640, full),
      person(4, 'Noor', 3000, full),
      person(5, 'Ola', 3000, full),
    ]);
    const draft = lowCoverage.apply(facts(team));
    expect(draft?.text).toBe(
      "The split describes 31 % of the team's time (250 h logged of 800 h available); Max Ortega logged 44 of 160 h.",
    );
    expect(draft?.section).toBe('coverage');
    expect(draft?.figures).toMatchObject({ coverage: 0.3125, loggedMinutes: 15000, availableMinutes: 48000, userId: 3 });
  });

  it('the widest gap is in hours, not in share: a part-timer with a lower share but fewer missing hours is not named', () => {
    // Pia: 300 of 4800 (6 %), gap 4500. Max: 4000 of 9600 (42 %), gap 5600. Team 4300 / 14400 = 30 %.
    const draft = lowCoverage.apply(facts(coverage([person(1, 'Pia', 300, 4800), person(2, 'Max', 4000, full)])));
    expect(draft?.text).toBe("The split describes 30 % of the team's time (72 h logged of 240 h available); Max logged 67 of 160 h.");
  });

  it('with people hidden (board view) it speaks of the team only', () => {
    const team = { ...coverage([person(1, 'Ana', 3000, full)]), people: [] };
    const draft = lowCoverage.apply(facts(team));
    expect(draft?.text).toBe("The split describes 31 % of the team's time (50 h logged of 160 h available).");
    expect(draft?.figures).not.toHaveProperty('userId');
  });

  it('fires just under 60 % and not at 60 %', () => {
    expect(lowCoverage.apply(facts(coverage([person(1, 'Ana', 5759, full)])))).not.toBeNull();
    expect(lowCoverage.apply(facts(coverage([person(1, 'Ana', 5760, full)])))).toBeNull();
  });

  it('says nothing without coverage facts, when nothing was logged, or when nobody was available', () => {
    expect(lowCoverage.apply(facts(undefined))).toBeNull();
    expect(lowCoverage.apply(facts(coverage([person(1, 'Ana', 0, full)])))).toBeNull();
    expect(lowCoverage.apply(facts(coverage([])))).toBeNull();
  });
});
