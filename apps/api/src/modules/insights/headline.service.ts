import { compareCount, compareShare } from './rules/comparison';
import { comparisonPeriod } from './rules/period';
import { shareOf, totalOf } from './rules/report-maths';
import { coverageOf } from '@altitude/shared/working-time';
import type { Headline } from '@altitude/shared/insights';
import type { Queryable } from '../../db/client';
import { teamAvailableMinutes } from '../working-time/availability.queries';
import { earlierData } from './earlier-data.queries';
import { deliveredByClass } from './flow.queries';
import { receivedCount } from './headline.queries';
import { boundsOf, type ReportPeriod } from './report-period';
import { readTarget } from './targets.queries';
import { splitTotal } from './time-split.queries';

const delivered = (db: Queryable, p: ReportPeriod) => Object.values(deliveredByClass(db, p)).reduce((s, n) => s + n, 0);

/**
 * The top of the Insights page: share against target, hours against the team's working time,
 * requests in and out, each against the comparison period (`comparisonPeriod`), told by the one
 * change rule (`rules/comparison.ts`).
 */
export function readHeadline(db: Queryable, period: ReportPeriod): Headline {
  const before = boundsOf(comparisonPeriod(period), period.timeZone);
  const covered = earlierData(db, before);
  const now = splitTotal(db, period);
  const then = splitTotal(db, before);
  const logged = totalOf(now);
  const share = shareOf(now.strategicMinutes, logged);
  const previousShare = shareOf(then.strategicMinutes, totalOf(then));
  const availableMinutes = teamAvailableMinutes(db, period);
  const received = [receivedCount(db, period), receivedCount(db, before)] as const;
  const deliveredCounts = [delivered(db, period), delivered(db, before)] as const;
  return {
    from: period.from,
    to: period.to,
    strategicShare: share,
    target: readTarget(db, period),
    loggedMinutes: logged,
    availableMinutes,
    coverage: coverageOf(logged, availableMinutes),
    comparison: covered.time ? { from: before.from, to: before.to, strategicShare: previousShare, loggedMinutes: totalOf(then) } : null,
    previousPeriod: { from: before.from, to: before.to },
    unclassifiedMinutes: now.unclassifiedMinutes,
    requestsReceived: received[0],
    requestsDelivered: deliveredCounts[0],
    changes: {
      strategicShare: compareShare(share, previousShare, covered.time),
      loggedMinutes: compareCount('minutes', logged, totalOf(then), covered.time),
      unclassifiedMinutes: compareCount('minutes', now.unclassifiedMinutes, then.unclassifiedMinutes, covered.time),
      requestsReceived: compareCount('requests', ...received, covered.requests),
      requestsDelivered: compareCount('requests', ...deliveredCounts, covered.requests),
    },
  };
}
