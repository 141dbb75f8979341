import { hours, percent } from './insight-format';
import type { InsightRule } from './facts';
import { clamp } from './report-maths';

/**
 * Below this share of the team's working time, the split describes too little of it to stand for
 * where marketing's time went: under 60 %, more than two days in five are unaccounted for, more
 * than meetings, admin and leave usually explain.
 */
export const lowCoverageBelow = 0.6;

/**
 * Low coverage: the split silently describes a fraction of the team's time. Names the person with
 * the largest gap between available and logged time, unless per-person figures are hidden.
 * Says nothing when nothing was logged (a period before any data is not "low coverage").
 */
export const lowCoverage: InsightRule = {
  id: 'low-coverage',
  apply: ({ coverage }) => {
    if (!coverage || coverage.coverage === null || coverage.loggedMinutes === 0 || coverage.coverage >= lowCoverageBelow) return null;
    const share = coverage.coverage;
    const gapOf = (p: (typeof coverage.people)[number]) => p.availableMinutes - p.loggedMinutes;
    const widest = [...coverage.people].sort((a, b) => gapOf(b) - gapOf(a))[0];
    const person =
      widest && gapOf(widest) > 0
        ? `; ${widest.name} logged ${hours(widest.loggedMinutes).replace(' h', '')} of ${hours(widest.availableMinutes)}`
        : '';
    return {
      // Lower coverage makes every other figure less trustworthy, so it outranks most of them.
      importance: clamp(55 + 80 * (lowCoverageBelow - share), 55, 90),
      text: `The split describes ${percent(share)} of the team's time (${hours(coverage.loggedMinutes)} logged of ${hours(coverage.availableMinutes)} available)${person}.`,
      figures: {
        coverage: share,
        loggedMinutes: coverage.loggedMinutes,
        availableMinutes: coverage.availableMinutes,
        threshold: lowCoverageBelow,
        ...(person && widest
          ? { userId: widest.userId, userLoggedMinutes: widest.loggedMinutes, userAvailableMinutes: widest.availableMinutes }
          : {}),
      },
      section: 'coverage',
    };
  },
};
