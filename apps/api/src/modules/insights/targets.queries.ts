import type { Period } from './rules/period';
import { targetForPeriod } from './rules/report-maths';
import type { Queryable } from '../../db/client';
import { targets } from '../../db/schema';

/** The strategic-share target over a period; targets are a handful of rows, one per quarter. */
export function readTarget(db: Queryable, period: Period): number | null {
  return targetForPeriod(
    db.select({ periodStart: targets.periodStart, strategicShare: targets.strategicShare }).from(targets).all(),
    period,
  );
}
