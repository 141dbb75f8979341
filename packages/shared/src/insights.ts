import { z } from 'zod';
import { Classification, DateInput, IsoDate, ReportClass, Status } from './domain';

/**
 * The Insights page's contract (the feature is "insights" on every tier; its routes keep their
 * published paths under /api/reports): query parameters and the answer of each report.
 * Minutes are whole minutes, shares are 0..1, days are decimal days (one decimal place).
 */

export const ReportQuery = z.object({
  from: DateInput.optional().describe('First day of the period (company time zone); defaults to four weeks before `to`'),
  to: DateInput.optional().describe('Last day of the period, included; defaults to today'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/**
 * Longest period a report answers: five years keeps the weekly series bounded. The API refuses
 * longer periods; the period picker says so on the field before asking.
 */
export const maxPeriodDays = 5 * 366;

export const groupBys = ['week', 'department', 'type', 'assignee', 'initiative'] as const;
export const GroupBy = z.enum(groupBys);
export type GroupBy = z.infer<typeof GroupBy>;

export const TimeSplitQuery = ReportQuery.extend({
  groupBy: GroupBy.default('week').describe(
    '`assignee` groups by the marketer who logged the time; `initiative` by the request\'s initiative (key "none" for requests without one)',
  ),
});
export type TimeSplitQuery = z.infer<typeof TimeSplitQuery>;

const minutes = z.number().int();
const share = z.number().min(0).max(1);
const days = z.number().nullable();

/**
 * How a change against the earlier period is told, decided once on the server for every card and
 * insight: `relative` (a percentage) only on a base big enough to mean something; `absolute`
 * ("+6 h", "+3 requests") when the earlier figure is under 600 minutes or 5 requests; `points`
 * for shares; `no_earlier_data` when the earlier period is not covered by data, never a percentage.
 */
export const changeBases = ['relative', 'absolute', 'points', 'no_earlier_data'] as const;
export const ChangeBasis = z.enum(changeBases);
export type ChangeBasis = z.infer<typeof ChangeBasis>;

export const Change = z.object({
  /** What `value` and `previous` count: whole minutes, requests, or a 0..1 share. */
  unit: z.enum(['minutes', 'requests', 'share']),
  basis: ChangeBasis,
  value: z.number(),
  /** The earlier period's figure; null when it has no data. */
  previous: z.number().nullable(),
  /** value − previous in the unit (a share on the 0..1 scale); null when there is no earlier data. */
  difference: z.number().nullable(),
  /** (value − previous) ÷ previous (0.4 = +40 %), only when `basis` is `relative`; else null. */
  relative: z.number().nullable(),
});
export type Change = z.infer<typeof Change>;

export const SplitTotals = z.object({
  strategicMinutes: minutes,
  tacticalMinutes: minutes,
  unclassifiedMinutes: minutes,
  totalMinutes: minutes,
  /** Strategic minutes ÷ all minutes, unclassified included; 0 when nothing was logged. */
  strategicShare: share,
});
export type SplitTotals = z.infer<typeof SplitTotals>;

export const TimeSplitGroup = SplitTotals.extend({
  /**
   * Week: its Monday (YYYY-MM-DD; the first and last weeks count only days inside the period);
   * department, type, assignee: the id as a string.
   */
  key: z.string(),
  label: z.string(),
  /** Distinct requests with time logged in this group during the period. */
  requestCount: z.number().int(),
});
export type TimeSplitGroup = z.infer<typeof TimeSplitGroup>;

export const TimeSplit = z.object({
  from: IsoDate,
  to: IsoDate,
  groupBy: GroupBy,
  /** The strategic-share target in effect over the period, or null when none is set. */
  target: share.nullable(),
  total: SplitTotals,
  /**
   * The period compared with (the previous quarter or month when the period is exactly one, else
   * the same number of days just before), its totals, and the changes as the headline tells them.
   */
  previous: z.object({
    from: IsoDate,
    to: IsoDate,
    total: SplitTotals,
    /** False when the earlier period has no time data (it starts before the first logged entry, or nothing was logged in it). */
    covered: z.boolean(),
    changes: z.object({ loggedMinutes: Change, strategicShare: Change }),
  }),
  /** Weeks: every week of the period in order, empty ones included. Others: largest total first. */
  groups: z.array(TimeSplitGroup),
  /**
   * True when the board view left per-person groups out of this answer (`groupBy=assignee` for
   * anyone but a lead): `groups` is then empty while `total` still counts every minute.
   */
  peopleHidden: z.boolean(),
});
export type TimeSplit = z.infer<typeof TimeSplit>;

export const Headline = z.object({
  from: IsoDate,
  to: IsoDate,
  /** Strategic minutes ÷ all minutes logged in the period, 0..1 (0 when nothing was logged). */
  strategicShare: share,
  /** The strategic-share target in effect over the period, or null when none is set. */
  target: share.nullable(),
  loggedMinutes: minutes,
  /** The team's working time over the period: weekly minutes over working days, holidays excluded. */
  availableMinutes: minutes,
  /** loggedMinutes ÷ availableMinutes; null when nobody had working time. */
  coverage: z.number().nullable(),
  /** The earlier period's figures; null when it has no data (it starts before the first logged entry, or nothing was logged in it). */
  comparison: z.object({ from: IsoDate, to: IsoDate, strategicShare: share, loggedMinutes: minutes }).nullable(),
  /** The period compared with, whether or not it has data: what "compared with …" names. */
  previousPeriod: z.object({ from: IsoDate, to: IsoDate }),
  unclassifiedMinutes: minutes,
  /** Requests filed in the period. */
  requestsReceived: z.number().int(),
  /** Requests moved to done in the period. */
  requestsDelivered: z.number().int(),
  /** Each card's change against the earlier period, told by the one rule (`Change`). */
  changes: z.object({
    strategicShare: Change,
    loggedMinutes: Change,
    unclassifiedMinutes: Change,
    requestsReceived: Change,
    requestsDelivered: Change,
  }),
});
export type Headline = z.infer<typeof Headline>;

export const CycleTimeStats = z.object({ count: z.number().int(), medianDays: days, p85Days: days });
export type CycleTimeStats = z.infer<typeof CycleTimeStats>;

export const ThroughputWeek = z.object({
  /** The week's Monday; the first and last weeks count only days inside the period. */
  week: IsoDate,
  strategic: z.number().int(),
  tactical: z.number().int(),
  unclassified: z.number().int(),
  total: z.number().int(),
});

export const AgeingCard = z.object({
  id: z.number().int(),
  key: z.string(),
  title: z.string(),
  status: Status,
  classification: ReportClass,
  typeId: z.number().int(),
  typeName: z.string(),
  turnaroundDays: z.number().int(),
  departmentId: z.number().int(),
  departmentName: z.string(),
  /** Null when unassigned, and for everyone but leads while the board view is on. */
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** When its age is counted from: filed (intake) or first moved out of intake (the others). */
  since: z.string(),
  ageDays: z.number(),
});
export type AgeingCard = z.infer<typeof AgeingCard>;

export const Flow = z.object({
  from: IsoDate,
  to: IsoDate,
  /** Requests delivered in the period: first move out of intake → done, in days. */
  cycleTime: z.object({
    overall: CycleTimeStats,
    byClass: z.array(CycleTimeStats.extend({ classification: ReportClass })),
    byType: z.array(
      CycleTimeStats.extend({
        typeId: z.number().int(),
        typeName: z.string(),
        defaultClassification: Classification,
        turnaroundDays: z.number().int(),
      }),
    ),
  }),
  /** Requests delivered per week, by class; every week of the period. */
  throughput: z.array(ThroughputWeek),
  /** Open columns as they stand now, each with its total and its oldest cards first. */
  ageingWip: z.array(
    z.object({ status: Status, count: z.number().int(), wipLimit: z.number().int().nullable(), items: z.array(AgeingCard) }),
  ),
});
export type Flow = z.infer<typeof Flow>;

export const HandBackCandidate = z.object({
  departmentId: z.number().int(),
  departmentName: z.string(),
  typeId: z.number().int(),
  typeName: z.string(),
  /** Requests of this type the department filed in the period. */
  requestCount: z.number().int(),
  /** Of those, how many have time logged (the average is over these). */
  workedCount: z.number().int(),
  /** Of those, how many were already handed back. */
  handedBackCount: z.number().int(),
  minutesEach: z.number().int(),
  totalMinutes: z.number().int(),
  /** The requests behind the figures, oldest first (at most 500). */
  requestIds: z.array(z.number().int()),
  /** The type's self-serve kit when it is offered to this department, else null. */
  kit: z.object({ url: z.string() }).nullable(),
  /** When the type's current kit was published (null without a kit). */
  kitPublishedAt: z.string().nullable(),
  /** Kit outcomes of this department since the kit was published, within the period: used instead of filing… */
  avoided: z.number().int(),
  /** …and filed anyway. */
  filedSince: z.number().int(),
  /** avoided × the type's usual effort (median logged minutes per delivered request of the type; 0 without deliveries). */
  minutesSaved: z.number().int(),
});
export type HandBackCandidate = z.infer<typeof HandBackCandidate>;

export const HandBack = z.object({
  from: IsoDate,
  to: IsoDate,
  rule: z.object({ minRequests: z.number().int(), maxMinutesEach: z.number().int() }),
  /** Largest total first. */
  items: z.array(HandBackCandidate),
});
export type HandBack = z.infer<typeof HandBack>;

export const Insight = z.object({
  /** The rule that produced it, stable across periods (e.g. `share-vs-target`). */
  id: z.string(),
  /** 0..100; items come most important first. */
  importance: z.number(),
  text: z.string(),
  /** The numbers behind the sentence, named and unrounded (minutes, 0..1 shares, counts, ids). */
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  /** Where in the web app the supporting figures are (an Insights section anchor). */
  link: z.string(),
});
export type Insight = z.infer<typeof Insight>;

export const InsightList = z.object({ from: IsoDate, to: IsoDate, items: z.array(Insight) });
export type InsightList = z.infer<typeof InsightList>;
