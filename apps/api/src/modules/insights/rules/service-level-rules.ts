import { count, percent } from './insight-format';
import type { InsightRule, ServiceLevelFacts } from './facts';
import { clamp } from './report-maths';

/**
 * The insights about service levels: who files rushes, whose briefs need rounds of questions,
 * which type is delivered late, how many duplicates following saved. Each speaks only past a
 * threshold, and on a small base (under `smallBase` requests) tells the counts rather than a
 * rate that would overstate what a handful of requests shows.
 */

/** Fewer requests than this are told as counts ("4 of its 6 requests"), not as a rate. */
export const smallBase = 10;
/** The least a department must file, or a type deliver, before a rule judges it. */
export const minimumBase = 5;
/** A quarter of a department's requests filed as rushes is worth the CMO's attention. */
export const rushShareFrom = 0.25;
/** Half a needs-info round per brief: every other brief came back with a question. */
export const roundsPerBriefFrom = 0.5;
/** On-time delivery below 80 % for a type is a promise the catalogue is not keeping. */
export const onTimeBelow = 0.8;
/** Duplicates avoided are told from three on (one or two is anecdote). */
export const duplicatesFrom = 3;

type Department = ServiceLevelFacts['byDepartment'][number];

/** The department filing the largest share of rushes. */
export const rushShare: InsightRule = {
  id: 'rush-share',
  apply: ({ serviceLevels }) => {
    const share = (d: Department) => d.rushes / d.filed;
    const top = serviceLevels?.byDepartment
      .filter((d) => d.filed >= minimumBase && share(d) >= rushShareFrom)
      .sort((a, b) => share(b) - share(a) || b.filed - a.filed)[0];
    if (!top) return null;
    const small = top.filed < smallBase;
    return {
      importance: clamp(35 + 60 * (share(top) - rushShareFrom), 35, small ? 40 : 65),
      text: small
        ? `${top.departmentName} filed ${top.rushes} of its ${top.filed} requests as rushes, needed before the turnaround could deliver them.`
        : `${top.departmentName} filed ${percent(share(top))} of its requests as rushes (${top.rushes} of ${top.filed}), needed before the turnaround could deliver them.`,
      figures: { departmentId: top.departmentId, rushes: top.rushes, filed: top.filed, rushShare: share(top) },
      section: 'service-levels',
    };
  },
};

/** The department whose briefs most often come back with a question. */
export const needsInfoRounds: InsightRule = {
  id: 'needs-info-rounds',
  apply: ({ serviceLevels }) => {
    const ratio = (d: Department) => d.rounds / d.filed;
    const top = serviceLevels?.byDepartment
      .filter((d) => d.filed >= minimumBase && ratio(d) >= roundsPerBriefFrom)
      .sort((a, b) => ratio(b) - ratio(a) || b.filed - a.filed)[0];
    if (!top) return null;
    const small = top.filed < smallBase;
    const perBrief = Math.round(ratio(top) * 10) / 10;
    return {
      importance: clamp(30 + 25 * ratio(top), 30, small ? 40 : 65),
      text: small
        ? `${top.departmentName} briefs needed ${count(top.rounds, 'needs-info round')} across ${count(top.filed, 'request')}: a sign the intake questions miss something.`
        : `${perBrief} needs-info rounds per ${top.departmentName} brief (${count(top.rounds, 'round')} on ${count(top.filed, 'request')}): a sign the intake questions miss something.`,
      figures: { departmentId: top.departmentId, rounds: top.rounds, filed: top.filed, roundsPerBrief: ratio(top) },
      section: 'service-levels',
    };
  },
};

/** The type delivered on time least often. */
export const onTimeByType: InsightRule = {
  id: 'on-time-by-type',
  apply: ({ serviceLevels }) => {
    const share = (t: ServiceLevelFacts['byType'][number]) => t.onTime / t.delivered;
    const worst = serviceLevels?.byType
      .filter((t) => t.delivered >= minimumBase && share(t) < onTimeBelow)
      .sort((a, b) => share(a) - share(b) || b.delivered - a.delivered)[0];
    if (!worst) return null;
    const small = worst.delivered < smallBase;
    const late = worst.delivered - worst.onTime;
    return {
      importance: clamp(40 + 80 * (onTimeBelow - share(worst)), 40, small ? 50 : 80),
      text: small
        ? `${worst.onTime} of the ${worst.delivered} ${worst.typeName} requests delivered were on time; ${late} missed their expected-by date.`
        : `Only ${percent(share(worst))} of ${worst.typeName} requests were delivered on time (${worst.onTime} of ${worst.delivered}); ${late} missed their expected-by date.`,
      figures: { typeId: worst.typeId, delivered: worst.delivered, onTime: worst.onTime, onTimeShare: share(worst) },
      section: 'service-levels',
    };
  },
};

/** Requesters who followed an existing request instead of filing the same again. */
export const duplicatesAvoided: InsightRule = {
  id: 'duplicates-avoided',
  apply: ({ serviceLevels }) => {
    const n = serviceLevels?.duplicatesAvoided ?? 0;
    if (n < duplicatesFrom) return null;
    return {
      importance: 20,
      text: `Requesters followed ${count(n, 'existing request')} instead of filing ${n === 1 ? 'a duplicate' : 'duplicates'}.`,
      figures: { duplicatesAvoided: n },
      section: 'service-levels',
    };
  },
};

export const serviceLevelRules: readonly InsightRule[] = [onTimeByType, rushShare, needsInfoRounds, duplicatesAvoided];
