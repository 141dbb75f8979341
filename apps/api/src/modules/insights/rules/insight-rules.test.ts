import { describe, expect, it } from 'vitest';
import { handBackCandidate, marketerTactical, shareChange, shareVsTarget, tacticalDriver, unclassifiedTime } from './insight-rules';
import { cycleTimeVsTurnaround, demandChange, throughputChange } from './flow-rules';
import { buildInsights, maxInsights } from './build-insights';
import type { InsightFacts, InsightRule } from './facts';
import type { SplitMinutes } from './report-maths';
import type { HandBackCandidate } from '@altitude/shared/insights';

const split = (strategicMinutes: number, tacticalMinutes: number, unclassifiedMinutes = 0): SplitMinutes => ({
  strategicMinutes,
  tacticalMinutes,
  unclassifiedMinutes,
});
const none = { strategic: 0, tactical: 0, unclassified: 0 };

/** A quiet period: nothing logged, nothing delivered; each test adds what its rule reads. */
function facts(overrides: Partial<InsightFacts> = {}): InsightFacts {
  return {
    period: { from: '2026-10-01', to: '2026-12-31' },
    previousPeriod: { from: '2026-07-01', to: '2026-09-30' },
    covered: { time: true, requests: true },
    target: null,
    current: split(0, 0),
    previous: split(0, 0),
    byDepartmentType: [],
    byMarketer: [],
    cycleTimeByType: [],
    delivered: { current: none, previous: none },
    receivedByDepartment: [],
    handBack: [],
    ...overrides,
  };
}

const pair = (
  departmentId: number,
  departmentName: string,
  typeId: number,
  typeName: string,
  current: SplitMinutes,
  previous: SplitMinutes,
) => ({
  departmentId,
  departmentName,
  typeId,
  typeName,
  current,
  previous,
});

const candidate = (over: Partial<HandBackCandidate>): HandBackCandidate => ({
  departmentId: 1,
  departmentName: 'Sales',
  typeId: 1,
  typeName: 'Event banner',
  requestCount: 38,
  workedCount: 38,
  handedBackCount: 0,
  minutesEach: 72,
  totalMinutes: 2760,
  requestIds: [],
  kit: null,
  kitPublishedAt: null,
  avoided: 0,
  filedSince: 0,
  minutesSaved: 0,
  ...over,
});

describe('share against target', () => {
  it('says how many points and hours the share is short of the target', () => {
    const said = shareVsTarget.apply(facts({ target: 0.4, current: split(6480, 17_520) }))!;
    expect(said.text).toBe(
      'Strategic share was 27 % against a 40 % target: 13 points short, or about 52 h of the 400 h logged that would have had to be strategic.',
    );
    expect(said.figures).toMatchObject({ strategicShare: 0.27, target: 0.4, gapPoints: 13, loggedMinutes: 24_000, shortMinutes: 3120 });
    expect(said.importance).toBeGreaterThanOrEqual(60);
  });

  it('a wider gap is more important', () => {
    const near = shareVsTarget.apply(facts({ target: 0.4, current: split(380, 620) }))!;
    const far = shareVsTarget.apply(facts({ target: 0.4, current: split(150, 850) }))!;
    expect(far.importance).toBeGreaterThan(near.importance);
  });

  it('says so, less urgently, when the share beats the target', () => {
    const said = shareVsTarget.apply(facts({ target: 0.4, current: split(2700, 3300) }))!;
    expect(said.text).toBe('Strategic share was 45 %, 5 points above the 40 % target, with 100 h logged.');
    expect(said.importance).toBeLessThan(60);
  });

  it('counts unclassified minutes in the whole, so they lower the share', () => {
    expect(shareVsTarget.apply(facts({ target: 0.4, current: split(400, 400, 200) }))!.figures.strategicShare).toBe(0.4);
  });

  it('says nothing without a target or without logged time', () => {
    expect(shareVsTarget.apply(facts({ current: split(100, 100) }))).toBeNull();
    expect(shareVsTarget.apply(facts({ target: 0.4 }))).toBeNull();
  });
});

describe('share change against the previous period', () => {
  it('names the tactical rise and the department and type behind most of it', () => {
    const said = shareChange.apply(
      facts({
        previous: split(3400, 6600),
        current: split(3420, 9240),
        byDepartmentType: [
          pair(1, 'Sales', 1, 'Event banner', split(0, 2980), split(0, 1000)),
          pair(2, 'Product', 3, 'One-pager', split(3420, 6260), split(3400, 5600)),
        ],
      }),
    )!;
    expect(said.text).toBe(
      'Strategic share fell from 34 % to 27 %: tactical hours rose 40 % (110 h to 154 h), three quarters of the rise from Sales Event banner requests.',
    );
    expect(said.figures).toMatchObject({
      changePoints: -7,
      driverDepartmentId: 1,
      driverTypeId: 1,
      driverRiseMinutes: 1980,
      driverShareOfRise: 0.75,
    });
    expect(said.importance).toBeGreaterThanOrEqual(70);
  });

  it('leaves out a driver that explains less than a quarter of the rise', () => {
    const spread = [1, 2, 3, 4, 5].map((i) => pair(i, `Dept ${i}`, i, `Type ${i}`, split(0, 1200), split(0, 1000)));
    const said = shareChange.apply(facts({ previous: split(5000, 5000), current: split(4000, 6000), byDepartmentType: spread }))!;
    expect(said.text).toBe('Strategic share fell from 50 % to 40 %: tactical hours rose 20 % (83 h to 100 h).');
  });

  it('blames falling strategic hours when tactical hours did not rise', () => {
    const said = shareChange.apply(facts({ previous: split(6000, 4000), current: split(3000, 4000) }))!;
    expect(said.text).toBe('Strategic share fell from 60 % to 43 %: strategic hours fell 50 % (100 h to 50 h).');
  });

  it('credits rising strategic hours when the share rose', () => {
    const said = shareChange.apply(facts({ previous: split(2700, 7300), current: split(4000, 6000) }))!;
    expect(said.text).toBe('Strategic share rose from 27 % to 40 %: strategic hours rose 48 % (45 h to 67 h).');
    expect(said.importance).toBeLessThan(shareChange.apply(facts({ previous: split(4000, 6000), current: split(2700, 7300) }))!.importance);
  });

  it('notes a steady share at low importance', () => {
    const said = shareChange.apply(facts({ previous: split(3000, 7000), current: split(3100, 6900) }))!;
    expect(said.text).toBe('Strategic share held at 31 % (30 % in the previous period).');
    expect(said.importance).toBeLessThan(30);
  });

  it('says nothing when either period has no time', () => {
    expect(shareChange.apply(facts({ current: split(100, 100) }))).toBeNull();
  });
});

describe('tactical driver', () => {
  it('names the department behind most tactical hours and its largest type', () => {
    const said = tacticalDriver.apply(
      facts({
        current: split(1000, 6000),
        byDepartmentType: [
          pair(1, 'Sales', 1, 'Event banner', split(0, 2400), split(0, 0)),
          pair(1, 'Sales', 2, 'Sales deck update', split(0, 600), split(0, 0)),
          pair(2, 'Product', 3, 'One-pager', split(1000, 3000), split(0, 0)),
        ],
      }),
    )!;
    expect(said.text).toBe('Sales drove 50 % of tactical hours (50 h of 100 h), most of it Event banner requests (40 h).');
    expect(said.figures).toMatchObject({ departmentId: 1, departmentMinutes: 3000, typeId: 1, typeMinutes: 2400 });
  });

  it('says nothing when tactical hours are spread thin', () => {
    const spread = [1, 2, 3, 4].map((i) => pair(i, `Dept ${i}`, i, `Type ${i}`, split(0, 1000), split(0, 0)));
    expect(tacticalDriver.apply(facts({ current: split(0, 4000), byDepartmentType: spread }))).toBeNull();
  });
});

describe('hand-back candidates', () => {
  it('describes the largest candidate with its count, effort each and total', () => {
    const said = handBackCandidate.apply(facts({ handBack: [candidate({})] }))!;
    expect(said.text).toBe('Sales filed 38 Event banner requests, 1.2 h each, 46 h in all: a candidate for a self-serve kit.');
    expect(said.figures).toMatchObject({ requestCount: 38, minutesEach: 72, totalMinutes: 2760, otherCandidates: 0 });
    expect(said.section).toBe('hand-back');
  });

  it('averages over the requests worked on, and mentions the other candidates', () => {
    const said = handBackCandidate.apply(
      facts({
        handBack: [
          candidate({ requestCount: 12, workedCount: 10, minutesEach: 90, totalMinutes: 900 }),
          candidate({ typeName: 'Social post', totalMinutes: 300 }),
          candidate({ totalMinutes: 120 }),
        ],
      }),
    )!;
    expect(said.text).toBe(
      'Sales filed 12 Event banner requests; the 10 worked on so far took 1.5 h each, 15 h in all: a candidate for a self-serve kit. 2 more candidates add 7 h.',
    );
  });

  it('says nothing without candidates', () => {
    expect(handBackCandidate.apply(facts())).toBeNull();
  });
});

describe('cycle time against turnaround', () => {
  const type = (typeId: number, typeName: string, turnaroundDays: number, count: number, medianDays: number, p85Days: number) => ({
    typeId,
    typeName,
    turnaroundDays,
    count,
    medianDays,
    p85Days,
  });

  it('names the type furthest past its typical turnaround', () => {
    const said = cycleTimeVsTurnaround.apply(
      facts({
        cycleTimeByType: [
          type(1, 'Event banner', 5, 20, 5.5, 7),
          type(4, 'Case study', 15, 12, 21, 30),
          type(9, 'Brand platform', 45, 2, 90, 95),
        ],
      }),
    )!;
    expect(said.text).toBe(
      'Case study requests took a median 21 days from start to delivery against a 15-day typical turnaround (85th percentile 30 days, 12 delivered).',
    );
    expect(said.figures).toMatchObject({ typeId: 4, medianDays: 21, turnaroundDays: 15, delivered: 12 });
  });

  it('reports, at low importance, when every type kept to its turnaround', () => {
    const said = cycleTimeVsTurnaround.apply(
      facts({ cycleTimeByType: [type(1, 'Event banner', 5, 20, 5.5, 7), type(2, 'One-pager', 5, 4, 4, 6)] }),
    )!;
    expect(said.text).toBe(
      'Delivery kept to typical turnaround: the median cycle time of each of the 2 types with three or more deliveries (24 requests) was within 20 % of it.',
    );
    expect(said.importance).toBeLessThan(20);
  });

  it('ignores types with fewer than three deliveries', () => {
    expect(cycleTimeVsTurnaround.apply(facts({ cycleTimeByType: [type(9, 'Brand platform', 45, 2, 90, 95)] }))).toBeNull();
  });
});

describe('unclassified time', () => {
  it('says how much time is unclassified and how far that could move the share', () => {
    const said = unclassifiedTime.apply(facts({ current: split(3000, 6000, 1000) }))!;
    expect(said.text).toBe(
      '17 h (10 %) of the time logged is on requests not yet classified, so the strategic share could be up to 10 points higher.',
    );
    expect(unclassifiedTime.apply(facts({ current: split(3000, 6000) }))).toBeNull();
  });

  it('calls a sliver of unclassified time under one percent, not zero', () => {
    const said = unclassifiedTime.apply(facts({ current: split(6000, 10_500, 78) }))!;
    expect(said.text).toBe(
      '1.3 h (under 1 %) of the time logged is on requests not yet classified, so the strategic share could be less than a point higher.',
    );
  });
});

describe('throughput change', () => {
  it('reports a clear rise in deliveries with the tactical part', () => {
    const said = throughputChange.apply(
      facts({
        delivered: {
          current: { strategic: 10, tactical: 38, unclassified: 0 },
          previous: { strategic: 10, tactical: 20, unclassified: 0 },
        },
      }),
    )!;
    expect(said.text).toBe('Delivered requests rose 60 % (30 to 48); 38 of the 48 were tactical.');
  });

  it('stays quiet on small changes and small numbers', () => {
    expect(
      throughputChange.apply(facts({ delivered: { current: { ...none, tactical: 11 }, previous: { ...none, tactical: 10 } } })),
    ).toBeNull();
    expect(
      throughputChange.apply(facts({ delivered: { current: { ...none, tactical: 4 }, previous: { ...none, tactical: 2 } } })),
    ).toBeNull();
  });
});

describe('changes follow the one comparison rule', () => {
  const uncovered = { time: false, requests: false };

  it('no change sentence when the earlier period has no data, however large the rise', () => {
    // "Delivered requests rose 433 % (33 to 176)" was the company's first weeks, not a rise.
    const delivered = { current: { ...none, tactical: 176 }, previous: { ...none, tactical: 33 } };
    expect(throughputChange.apply(facts({ delivered }))!.text).toBe(
      'Delivered requests rose 433 % (33 to 176); 176 of the 176 were tactical.',
    );
    expect(throughputChange.apply(facts({ delivered, covered: uncovered }))).toBeNull();
    const receivedByDepartment = [{ departmentId: 1, departmentName: 'Sales', current: 60, previous: 30 }];
    expect(demandChange.apply(facts({ receivedByDepartment, covered: uncovered }))).toBeNull();
    expect(shareChange.apply(facts({ previous: split(3400, 6600), current: split(2700, 7300), covered: uncovered }))).toBeNull();
  });

  it('time is covered separately from requests', () => {
    const delivered = { current: { ...none, tactical: 48 }, previous: { ...none, tactical: 30 } };
    expect(throughputChange.apply(facts({ delivered, covered: { time: false, requests: true } }))!.text).toBe(
      'Delivered requests rose 60 % (30 to 48); 48 of the 48 were tactical.',
    );
    expect(
      shareChange.apply(facts({ previous: split(3400, 6600), current: split(2700, 7300), covered: { time: true, requests: false } })),
    ).not.toBeNull();
  });

  it('hours on a base under ten are told as a difference in hours, not a percentage', () => {
    // 4 h strategic and 5 h tactical before (30 min + 270 min under 600 each), 2 h and 8 h now:
    // share 44 % → 20 %, tactical 5 h → 8 h reads "rose by 3 h", never "+60 %".
    const said = shareChange.apply(facts({ previous: split(240, 300), current: split(120, 480) }))!;
    expect(said.text).toBe('Strategic share fell from 44 % to 20 %: tactical hours rose by 3 h (5 h to 8 h).');
  });

  it('a strategic base just at ten hours is told as a percentage', () => {
    // 600 min → 900 min strategic, tactical 1,400 min both times: share 30 % → 39 %.
    const said = shareChange.apply(facts({ previous: split(600, 1400), current: split(900, 1400) }))!;
    expect(said.text).toBe('Strategic share rose from 30 % to 39 %: strategic hours rose 50 % (10 h to 15 h).');
  });
});

describe('a marketer heavily tactical', () => {
  it("names the marketer whose time is far more tactical than the team's", () => {
    const said = marketerTactical.apply(
      facts({
        current: split(3000, 5000),
        byMarketer: [
          { userId: 7, name: 'Omar Haddad', minutes: split(300, 2700) },
          { userId: 8, name: 'Nina Kowalski', minutes: split(2700, 2300) },
          { userId: 9, name: 'Part-timer', minutes: split(0, 300) },
        ],
      }),
    )!;
    expect(said.text).toBe('Omar Haddad spent 90 % of their 50 h on tactical work, against 63 % for the team.');
    expect(said.figures).toMatchObject({ userId: 7 });
  });

  it('ignores someone with only a few hours logged', () => {
    expect(
      marketerTactical.apply(
        facts({ current: split(3000, 3000), byMarketer: [{ userId: 9, name: 'Part-timer', minutes: split(0, 300) }] }),
      ),
    ).toBeNull();
  });
});

describe('demand change', () => {
  it('reports a rise in requests received and the department behind it', () => {
    const said = demandChange.apply(
      facts({
        receivedByDepartment: [
          { departmentId: 1, departmentName: 'Sales', current: 60, previous: 30 },
          { departmentId: 2, departmentName: 'Product', current: 30, previous: 20 },
        ],
      }),
    )!;
    expect(said.text).toBe('Requests received rose 80 % (50 to 90); Sales accounts for three quarters of the rise (30 to 60).');
  });
});

describe('ranking', () => {
  it('orders what the rules say by importance, most important first, with a link to the section', () => {
    const items = buildInsights(
      facts({
        target: 0.4,
        previous: split(3400, 6600),
        current: split(2700, 7300),
        handBack: [candidate({})],
        delivered: { current: { ...none, tactical: 30 }, previous: { ...none, tactical: 20 } },
      }),
    );
    expect(items.map((i) => i.id)).toEqual(['share-vs-target', 'share-change', 'hand-back', 'throughput-change']);
    expect(items.map((i) => i.importance)).toEqual([...items.map((i) => i.importance)].sort((a, b) => b - a));
    expect(items[0]!.link).toBe('/insights?from=2026-10-01&to=2026-12-31#headline');
    expect(items.find((i) => i.id === 'hand-back')!.link).toBe('/insights?from=2026-10-01&to=2026-12-31#hand-back');
  });

  it("keeps at most ten, ties in the rules' order", () => {
    const rules: InsightRule[] = Array.from({ length: 14 }, (_, i) => ({
      id: `rule-${i}`,
      apply: () => ({ importance: i < 4 ? 50 : 10, text: `rule ${i}`, figures: {}, section: 'headline' }),
    }));
    const items = buildInsights(facts(), rules);
    expect(items).toHaveLength(maxInsights);
    expect(items.slice(0, 4).map((i) => i.id)).toEqual(['rule-0', 'rule-1', 'rule-2', 'rule-3']);
  });

  it('says nothing about a period with no data rather than inventing something', () => {
    expect(buildInsights(facts())).toEqual([]);
  });
});
