import { weekStarts } from '@altitude/shared/calendar';
import { compareCount, compareShare } from './rules/comparison';
import { comparisonPeriod } from './rules/period';
import { splitOf, withShare } from './rules/report-maths';
import type { GroupBy, TimeSplit, TimeSplitGroup } from '@altitude/shared/insights';
import type { Queryable } from '../../db/client';
import { earlierData } from './earlier-data.queries';
import { boundsOf, type ReportPeriod } from './report-period';
import { readTarget } from './targets.queries';
import { labelsOf, splitRows, splitTotal, sumSplits } from './time-split.queries';

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Week of 16 Nov 2026" for the Monday 2026-11-16. */
export const weekLabel = (monday: string) =>
  `Week of ${Number(monday.slice(8, 10))} ${monthNames[Number(monday.slice(5, 7)) - 1]} ${monday.slice(0, 4)}`;

/**
 * Minutes per class over the period, per group, with the target and the comparison period (`comparisonPeriod`).
 * `hidePeople` (the board view, for anyone but a lead) answers `groupBy=assignee` without its groups.
 */
export function readTimeSplit(db: Queryable, period: ReportPeriod, groupBy: GroupBy, hidePeople: boolean): TimeSplit {
  const peopleHidden = hidePeople && groupBy === 'assignee';
  const rows = splitRows(db, period, [groupBy], { requestCount: true });
  const previous = boundsOf(comparisonPeriod(period), period.timeZone);
  let groups: TimeSplitGroup[];
  if (groupBy === 'week') {
    // Every week of the period appears, empty ones too, so a chart has no gaps.
    const byWeek = new Map(rows.map((r) => [r.keys[0]!, r]));
    groups = weekStarts(period.from, period.to).map((week) => {
      const row = byWeek.get(week);
      const minutes = row ?? { strategicMinutes: 0, tacticalMinutes: 0, unclassifiedMinutes: 0, requestCount: 0 };
      return { key: week, label: weekLabel(week), ...withShare(splitOf(minutes)), requestCount: minutes.requestCount };
    });
  } else if (peopleHidden) {
    groups = [];
  } else {
    const labels = labelsOf(db, groupBy, rows.map((r) => Number(r.keys[0])).filter(Number.isInteger));
    // Time on requests without an initiative is a group of its own ("strategic in name only?").
    if (groupBy === 'initiative') labels.set('none', 'No initiative');
    groups = rows
      .map((r) => ({
        key: r.keys[0]!,
        label: labels.get(r.keys[0]!) ?? `#${r.keys[0]}`,
        ...withShare(splitOf(r)),
        requestCount: r.requestCount,
      }))
      .sort((a, b) => b.totalMinutes - a.totalMinutes || a.label.localeCompare(b.label));
  }
  const total = withShare(sumSplits(rows));
  const before = withShare(splitTotal(db, previous));
  const covered = earlierData(db, previous).time;
  return {
    from: period.from,
    to: period.to,
    groupBy,
    target: readTarget(db, period),
    total,
    previous: {
      from: previous.from,
      to: previous.to,
      total: before,
      covered,
      changes: {
        loggedMinutes: compareCount('minutes', total.totalMinutes, before.totalMinutes, covered),
        strategicShare: compareShare(total.strategicShare, before.strategicShare, covered),
      },
    },
    groups,
    peopleHidden,
  };
}
