import { relativeChange, shareOf, totalOf } from './rules/report-maths';
import { previousPeriod } from './rules/period';
import type { Change, Headline } from '@altitude/shared/insights';
import type { Queryable } from '../../db/client';
import { deliveredByClass } from './flow.queries';
import { receivedCount } from './headline.queries';
import { boundsOf, type ReportPeriod } from './report-period';
import { readTarget } from './targets.queries';
import { splitTotal } from './time-split.queries';

const change = (value: number, previous: number): Change => ({ value, previous, change: relativeChange(value, previous) });
const delivered = (db: Queryable, p: ReportPeriod) => Object.values(deliveredByClass(db, p)).reduce((s, n) => s + n, 0);

/** The top of the Insights page: share against target, hours, requests in and out, each against the previous period. */
export function readHeadline(db: Queryable, period: ReportPeriod): Headline {
  const before = boundsOf(previousPeriod(period), period.timeZone);
  const now = splitTotal(db, period);
  const then = splitTotal(db, before);
  const share = shareOf(now.strategicMinutes, totalOf(now));
  const previousShare = shareOf(then.strategicMinutes, totalOf(then));
  return {
    from: period.from,
    to: period.to,
    previousPeriod: { from: before.from, to: before.to },
    strategicShare: { value: share, previous: previousShare, difference: share - previousShare, target: readTarget(db, period) },
    loggedMinutes: change(totalOf(now), totalOf(then)),
    unclassifiedMinutes: change(now.unclassifiedMinutes, then.unclassifiedMinutes),
    requestsReceived: change(receivedCount(db, period), receivedCount(db, before)),
    requestsDelivered: change(delivered(db, period), delivered(db, before)),
  };
}
