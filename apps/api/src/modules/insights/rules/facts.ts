import type { ClassCounts } from '@altitude/shared/domain';
import type { HandBackCandidate, Insight } from '@altitude/shared/insights';
import type { Coverage } from '@altitude/shared/working-time';
import type { Forecast } from '@altitude/shared/forecast';
import type { Period } from './period';
import type { SplitMinutes } from './report-maths';

/**
 * Everything the insight rules read, gathered by the API from SQL aggregates. Plain data, so the
 * rules are pure functions that tests feed by hand.
 */
export interface InsightFacts {
  period: Period;
  /** The period compared with (`comparisonPeriod`). */
  previousPeriod: Period;
  /** Whether it has data to compare with (`earlierData`): without, no rule may state a change. */
  covered: { time: boolean; requests: boolean };
  /** Strategic-share target in effect over the period, 0..1, or null. */
  target: number | null;
  /** Minutes logged in the period and in the previous one, by class. */
  current: SplitMinutes;
  previous: SplitMinutes;
  /** Minutes by requesting department and request type, in both periods. */
  byDepartmentType: {
    departmentId: number;
    departmentName: string;
    typeId: number;
    typeName: string;
    current: SplitMinutes;
    previous: SplitMinutes;
  }[];
  /** Minutes each marketer logged in the period, by class. */
  byMarketer: { userId: number; name: string; minutes: SplitMinutes }[];
  /** Cycle time of requests delivered in the period, per type. */
  cycleTimeByType: {
    typeId: number;
    typeName: string;
    turnaroundDays: number;
    count: number;
    medianDays: number | null;
    p85Days: number | null;
  }[];
  /** Requests delivered, by class. */
  delivered: { current: ClassCounts; previous: ClassCounts };
  /** Requests filed, per requesting department. */
  receivedByDepartment: { departmentId: number; departmentName: string; current: number; previous: number }[];
  handBack: HandBackCandidate[];
  /** Logged against available time; `people` is empty when per-person figures are hidden. Absent: not gathered. */
  coverage?: Coverage;
  /** Classes given against the types' defaults, and how far they move the share; absent when not gathered. */
  overrides?: OverrideFacts;
  /** Service levels (rushes, needs-info rounds, on-time delivery, duplicates avoided); absent when not gathered. */
  serviceLevels?: ServiceLevelFacts;
  /** "Accept anyway" at triage: reserve overrides per requesting department, most first; absent when not gathered. */
  reserveOverrides?: ReserveOverrideFacts[];
  /** The current quarter's forecast to target (`forecastToTarget`), whatever the period; absent when not gathered. */
  forecast?: Forecast;
}

/** One requesting department's reserve overrides in the period. */
export interface ReserveOverrideFacts {
  departmentId: number;
  departmentName: string;
  count: number;
  reserveMinutes: number;
}

/** What the service-level insights read (the service-levels report's definitions). */
export interface ServiceLevelFacts {
  /** Requests filed in the period per requesting department, with their rushes and needs-info rounds. */
  byDepartment: { departmentId: number; departmentName: string; filed: number; rushes: number; rounds: number }[];
  /** Requests delivered in the period per type, and how many of them on time. */
  byType: { typeId: number; typeName: string; delivered: number; onTime: number }[];
  /** Existing requests followed from the new-request form instead of filing a duplicate. */
  duplicatesAvoided: number;
}

/** What the overrides insight reads: the period's overrides in each direction and the share with and without them. */
export interface OverrideFacts {
  /** Requests of tactical-default types classified strategic, and their minutes in the period. */
  toStrategic: { count: number; minutes: number };
  /** Requests of strategic-default types classified tactical. */
  toTactical: { count: number; minutes: number };
  /** Share as reported − share at the types' defaults (0..1 scale, signed). */
  shareEffect: number;
  strategicShare: number;
  shareAtDefaults: number;
}

/** Sections of the Insights page a sentence points to. */
export type InsightSection =
  | 'headline'
  | 'weekly'
  | 'showback'
  | 'flow'
  | 'hand-back'
  | 'coverage'
  | 'overrides'
  | 'service-levels'
  | 'reserve-overrides'
  | 'forecast';

/** What a rule says about the facts, before ranking. */
export interface InsightDraft {
  importance: number;
  text: string;
  figures: Insight['figures'];
  section: InsightSection;
}

export interface InsightRule {
  id: string;
  /** Returns nothing when the facts give it nothing worth saying. */
  apply: (facts: InsightFacts) => InsightDraft | null;
}
