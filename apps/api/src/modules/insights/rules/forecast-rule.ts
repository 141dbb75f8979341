import { hours, percent, pointsBetween } from './insight-format';
import type { InsightRule } from './facts';
import { clamp } from './report-maths';

/**
 * The quarter is projected to end below its target (`forecastToTarget`): by how many points, and
 * what closes the gap. Looking ahead, it outranks most looks back; silent without a target, when
 * the projection meets it (to the displayed point), or when no week is left to change it.
 */
export const forecastMissesTarget: InsightRule = {
  id: 'forecast-misses-target',
  apply: ({ forecast }) => {
    if (!forecast || forecast.target === null || forecast.projectedShare === null) return null;
    const { target, projectedShare, projectedLow, projectedHigh, weeksLeft, neededStrategicMinutesPerWeek: perWeek } = forecast;
    const short = pointsBetween(target, projectedShare);
    if (short <= 0 || perWeek === 0) return null;
    const range =
      projectedLow !== null && projectedHigh !== null && percent(projectedLow) !== percent(projectedHigh)
        ? ` (${percent(projectedLow).replace(' %', '')}–${percent(projectedHigh)})`
        : '';
    const handBack = forecast.neededTacticalMinutesHandedBack;
    return {
      importance: clamp(65 + short * 1.5, 65, 95),
      text:
        `Projected to miss the target by ${short} ${short === 1 ? 'point' : 'points'}: +${hours(perWeek)} strategic a week closes it. ` +
        `${forecast.quarter} is heading for ${percent(projectedShare)}${range} against ${percent(target)}, with ${weeksLeft} ${weeksLeft === 1 ? 'week' : 'weeks'} left` +
        (handBack > 0 ? `; handing back ${hours(handBack)} of tactical work would close it too.` : '.'),
      figures: {
        quarter: forecast.quarter,
        target,
        projectedShare,
        projectedLow,
        projectedHigh,
        shareSoFar: forecast.shareSoFar,
        gapPoints: short,
        weeksLeft,
        neededStrategicMinutesPerWeek: perWeek,
        neededTacticalMinutesHandedBack: handBack,
      },
      section: 'forecast',
    };
  },
};
