import { changeOf, count, fractionInWords, hours, percent, pointsBetween } from './insight-format';
import type { InsightDraft, InsightRule } from './facts';
import { lowCoverage } from './coverage-rule';
import { cycleTimeVsTurnaround, demandChange, throughputChange } from './flow-rules';
import { compareCount } from './comparison';
import { clamp, shareOf, sum, totalOf } from './report-maths';
import { overridesMoveShare } from './overrides-rule';
import { reserveOverridesByDepartment } from './reserve-overrides-rule';
import { serviceLevelRules } from './service-level-rules';
import { forecastMissesTarget } from './forecast-rule';

/**
 * The rules behind the plain-language insights. Each reads the facts, decides whether there is
 * something worth saying, and says it with the numbers that support it. Importance is 0..100:
 * a missed target or a falling share outranks a tidy-up such as unclassified time.
 */

/** How far the strategic share is from the target, in points and in hours. */
export const shareVsTarget: InsightRule = {
  id: 'share-vs-target',
  apply: ({ current, target }) => {
    const total = totalOf(current);
    if (target === null || total === 0) return null;
    const share = shareOf(current.strategicMinutes, total);
    const short = pointsBetween(target, share);
    const figures = { strategicShare: share, target, gapPoints: short, loggedMinutes: total, strategicMinutes: current.strategicMinutes };
    if (short > 0) {
      const missing = Math.max(0, target * total - current.strategicMinutes);
      return {
        importance: clamp(60 + short * 1.5, 60, 95),
        text: `Strategic share was ${percent(share)} against a ${percent(target)} target: ${count(short, 'point')} short, or about ${hours(missing)} of the ${hours(total)} logged that would have had to be strategic.`,
        figures: { ...figures, shortMinutes: Math.round(missing) },
        section: 'headline',
      };
    }
    const above = short === 0 ? `on the ${percent(target)} target` : `${count(-short, 'point')} above the ${percent(target)} target`;
    return {
      importance: 40,
      text: `Strategic share was ${percent(share)}, ${above}, with ${hours(total)} logged.`,
      figures,
      section: 'headline',
    };
  },
};

/**
 * The share against the comparison period, with what moved it: usually tactical growth from one
 * source. Silent when the earlier period has no time data: a share has nothing to move from.
 */
export const shareChange: InsightRule = {
  id: 'share-change',
  apply: ({ current, previous, byDepartmentType, covered }) => {
    const total = totalOf(current);
    const before = totalOf(previous);
    if (!covered.time || total === 0 || before === 0) return null;
    const hoursChange = (now: number, then: number) => changeOf(compareCount('minutes', now, then, true), hours);
    const share = shareOf(current.strategicMinutes, total);
    const previousShare = shareOf(previous.strategicMinutes, before);
    const moved = pointsBetween(share, previousShare);
    const figures: InsightDraft['figures'] = { strategicShare: share, previousShare, changePoints: moved };
    if (Math.abs(moved) < 2) {
      return {
        importance: 20,
        text: `Strategic share held at ${percent(share)} (${percent(previousShare)} in the previous period).`,
        figures,
        section: 'weekly',
      };
    }
    const tacticalRise = current.tacticalMinutes - previous.tacticalMinutes;
    const strategicRise = current.strategicMinutes - previous.strategicMinutes;
    let cause: string;
    if (moved < 0 && tacticalRise > 0) {
      cause = `tactical hours ${hoursChange(current.tacticalMinutes, previous.tacticalMinutes)}`;
      const driver = [...byDepartmentType].sort(
        (a, b) => b.current.tacticalMinutes - b.previous.tacticalMinutes - (a.current.tacticalMinutes - a.previous.tacticalMinutes),
      )[0];
      const driverRise = driver ? driver.current.tacticalMinutes - driver.previous.tacticalMinutes : 0;
      if (driver && driverRise / tacticalRise >= 0.25) {
        cause += `, ${fractionInWords(driverRise / tacticalRise)} of the rise from ${driver.departmentName} ${driver.typeName} requests`;
        Object.assign(figures, {
          driverDepartmentId: driver.departmentId,
          driverTypeId: driver.typeId,
          driverRiseMinutes: driverRise,
          driverShareOfRise: driverRise / tacticalRise,
        });
      }
      Object.assign(figures, { tacticalMinutes: current.tacticalMinutes, previousTacticalMinutes: previous.tacticalMinutes });
    } else if (moved < 0) {
      cause = `strategic hours ${hoursChange(current.strategicMinutes, previous.strategicMinutes)}`;
      Object.assign(figures, { strategicMinutes: current.strategicMinutes, previousStrategicMinutes: previous.strategicMinutes });
    } else if (strategicRise > 0) {
      cause = `strategic hours ${hoursChange(current.strategicMinutes, previous.strategicMinutes)}`;
      Object.assign(figures, { strategicMinutes: current.strategicMinutes, previousStrategicMinutes: previous.strategicMinutes });
    } else {
      cause = `tactical hours ${hoursChange(current.tacticalMinutes, previous.tacticalMinutes)}`;
      Object.assign(figures, { tacticalMinutes: current.tacticalMinutes, previousTacticalMinutes: previous.tacticalMinutes });
    }
    return {
      importance: moved < 0 ? clamp(55 + 3 * -moved, 55, 95) : clamp(40 + 2 * moved, 40, 80),
      text: `Strategic share ${moved < 0 ? 'fell' : 'rose'} from ${percent(previousShare)} to ${percent(share)}: ${cause}.`,
      figures,
      section: 'weekly',
    };
  },
};

/** The department behind most tactical hours, and what it mostly asks for. */
export const tacticalDriver: InsightRule = {
  id: 'tactical-driver',
  apply: ({ current, byDepartmentType }) => {
    const totalTactical = current.tacticalMinutes;
    if (totalTactical < 60) return null;
    const byDepartment = new Map<number, { name: string; minutes: number; types: { name: string; id: number; minutes: number }[] }>();
    for (const row of byDepartmentType) {
      const d = byDepartment.get(row.departmentId) ?? { name: row.departmentName, minutes: 0, types: [] };
      d.minutes += row.current.tacticalMinutes;
      d.types.push({ name: row.typeName, id: row.typeId, minutes: row.current.tacticalMinutes });
      byDepartment.set(row.departmentId, d);
    }
    const [departmentId, top] = [...byDepartment].sort((a, b) => b[1].minutes - a[1].minutes)[0] ?? [];
    if (departmentId === undefined || !top) return null;
    const share = shareOf(top.minutes, totalTactical);
    if (share < 0.3) return null;
    const type = [...top.types].sort((a, b) => b.minutes - a.minutes)[0]!;
    const typeShare = shareOf(type.minutes, top.minutes);
    return {
      importance: clamp(35 + 40 * share, 35, 75),
      text:
        `${top.name} drove ${percent(share)} of tactical hours (${hours(top.minutes)} of ${hours(totalTactical)}), ` +
        `${typeShare > 0.5 ? 'most of it' : 'the largest part'} ${type.name} requests (${hours(type.minutes)}).`,
      figures: {
        departmentId,
        departmentMinutes: top.minutes,
        tacticalMinutes: totalTactical,
        share,
        typeId: type.id,
        typeMinutes: type.minutes,
      },
      section: 'showback',
    };
  },
};

/** The largest hand-back candidate: repeated low-effort tactical asks from one department. */
export const handBackCandidate: InsightRule = {
  id: 'hand-back',
  apply: ({ handBack }) => {
    const [top, ...others] = handBack;
    if (!top) return null;
    const each =
      top.workedCount === top.requestCount
        ? `, ${hours(top.minutesEach)} each, ${hours(top.totalMinutes)} in all`
        : `; the ${top.workedCount} worked on so far took ${hours(top.minutesEach)} each, ${hours(top.totalMinutes)} in all`;
    const otherMinutes = hours(sum(others.map((o) => o.totalMinutes)));
    const rest =
      others.length === 0
        ? ''
        : others.length === 1
          ? ` One more candidate adds ${otherMinutes}.`
          : ` ${others.length} more candidates add ${otherMinutes}.`;
    return {
      importance: clamp(45 + top.totalMinutes / 120, 45, 75),
      text: `${top.departmentName} filed ${count(top.requestCount, `${top.typeName} request`)}${each}: a candidate for a self-serve kit.${rest}`,
      figures: {
        departmentId: top.departmentId,
        typeId: top.typeId,
        requestCount: top.requestCount,
        workedCount: top.workedCount,
        minutesEach: top.minutesEach,
        totalMinutes: top.totalMinutes,
        otherCandidates: others.length,
      },
      section: 'hand-back',
    };
  },
};

/** Time on requests nobody has classified yet makes the split uncertain. */
export const unclassifiedTime: InsightRule = {
  id: 'unclassified-time',
  apply: ({ current }) => {
    const total = totalOf(current);
    if (current.unclassifiedMinutes === 0 || total === 0) return null;
    const share = shareOf(current.unclassifiedMinutes, total);
    const points = Math.round(share * 100);
    // Rounded to whole points, a sliver would read "0 %" and "up to 0 points": say it is under one.
    const part = points >= 1 ? percent(share) : 'under 1 %';
    const effect = points >= 1 ? `could be up to ${count(points, 'point')} higher` : 'could be less than a point higher';
    return {
      importance: clamp(25 + 250 * share, 25, 75),
      text: `${hours(current.unclassifiedMinutes)} (${part}) of the time logged is on requests not yet classified, so the strategic share ${effect}.`,
      figures: { unclassifiedMinutes: current.unclassifiedMinutes, loggedMinutes: total, share },
      section: 'weekly',
    };
  },
};

/** A marketer whose time is far more tactical than the team's. */
export const marketerTactical: InsightRule = {
  id: 'marketer-tactical',
  apply: ({ byMarketer, current }) => {
    const teamShare = shareOf(current.tacticalMinutes, totalOf(current));
    const share = (m: (typeof byMarketer)[number]) => shareOf(m.minutes.tacticalMinutes, totalOf(m.minutes));
    const heavy = byMarketer.filter((m) => totalOf(m.minutes) >= 600 && share(m) >= 0.75 && pointsBetween(share(m), teamShare) >= 10);
    const top = heavy.sort((a, b) => share(b) - share(a))[0];
    if (!top) return null;
    return {
      importance: clamp(30 + 100 * (share(top) - 0.75), 30, 60),
      text: `${top.name} spent ${percent(share(top))} of their ${hours(totalOf(top.minutes))} on tactical work, against ${percent(teamShare)} for the team.`,
      figures: { userId: top.userId, tacticalShare: share(top), loggedMinutes: totalOf(top.minutes), teamTacticalShare: teamShare },
      section: 'showback',
    };
  },
};

/** Every rule, in the order that breaks ties in importance; the flow and demand rules are in flow-rules.ts, the service-level ones in service-level-rules.ts. */
export const insightRules: readonly InsightRule[] = [
  shareVsTarget,
  shareChange,
  tacticalDriver,
  handBackCandidate,
  cycleTimeVsTurnaround,
  unclassifiedTime,
  throughputChange,
  marketerTactical,
  demandChange,
  lowCoverage,
  overridesMoveShare,
  ...serviceLevelRules,
  reserveOverridesByDepartment,
  forecastMissesTarget,
];
