import { sql, type SQL } from 'drizzle-orm';
import { dateOfDayNumber, dayNumber, weekStarts } from '@altitude/shared/calendar';
import { percentileRanks, roundTo } from './rules/report-maths';
import { reportClasses, type ClassCounts, type ReportClass } from '@altitude/shared/domain';
import type { CycleTimeStats } from '@altitude/shared/insights';
import type { Queryable } from '../../db/client';
import { requests, requestTypes } from '../../db/schema';
import { boundsOf, type ReportPeriod } from './report-period';
import { cycleDays, reportClass } from './report-class';

/*
 * Flow reads delivered requests through partial indexes over `status = 'done'` (schema.ts):
 * counts by class are ranges of `requests_done_class_idx` (class, completed_at), and a cycle-time
 * percentile walks one of the `requests_cycle_*` indexes in cycle-time order up to its rank, so
 * no query sorts or ranks the deliveries. `indexed by` keeps SQLite on them whatever its statistics
 * say; a query that no longer matches its index fails loudly instead of scanning the table.
 */

const quantiles = [0.5, 0.85] as const;
const classList = sql.join(
  reportClasses.map((c) => sql`${c}`),
  sql`, `,
);
const doneClass = sql`${requests} indexed by requests_done_class_idx`;
const completedIn = (p: { startAt: string; endAt: string }) =>
  sql`${requests.completedAt} >= ${p.startAt} and ${requests.completedAt} < ${p.endAt}`;
/** The partial indexes' own condition: SQLite uses a partial index only when the query implies it. */
const delivered = sql`${requests.status} = 'done'`;
const cycled = sql`${requests.status} = 'done' and ${requests.startedAt} is not null`;

export type CycleGrouping = 'all' | 'class' | 'type';

/**
 * Median and 85th percentile of cycle time (first move out of intake → done, in days) of the
 * requests delivered in the period, per class, per type or overall. Counts first (by class: a
 * range of the period per class; by type: one pass over the type index), then for each group
 * and quantile the two values either side of its rank, read at an offset of the group's
 * cycle-time index, walked from the nearer end. The walk is over the group's deliveries of all
 * time, filtered to the period.
 * `started` passes class counts already read (overall and by class need the same ones).
 */
export function cycleTimeStats(
  db: Queryable,
  period: ReportPeriod,
  grouping: CycleGrouping,
  started?: ClassCounts,
): Map<string, CycleTimeStats> {
  let counts: Map<string, number>;
  /** Two neighbouring cycle times of a group: from the shortest (`asc`) or from the longest. */
  let valuesAt: (key: string, offset: number, asc: boolean) => number[];
  const order = (asc: boolean) => (asc ? sql`${cycleDays}` : sql`${cycleDays} desc`);
  if (grouping === 'type') {
    const rows = db.all<{ g: number; n: number }>(sql`
      select ${requests.typeId} as g, count(*) as n from ${requests} indexed by requests_cycle_type_idx
      where ${cycled} and ${requests.typeId} in (select ${requestTypes.id} from ${requestTypes}) and ${completedIn(period)}
      group by ${requests.typeId}
    `);
    counts = new Map(rows.map((r) => [String(r.g), r.n]));
    valuesAt = (key, offset, asc) =>
      db
        .all<{ d: number }>(
          sql`
          select ${cycleDays} as d from ${requests} indexed by requests_cycle_type_idx
          where ${cycled} and ${requests.typeId} = ${Number(key)} and ${completedIn(period)}
          order by ${order(asc)} limit 2 offset ${offset}
        `,
        )
        .map((r) => r.d);
  } else {
    const byClass = started ?? startedByClass(db, period);
    counts =
      grouping === 'class'
        ? new Map(Object.entries(byClass))
        : new Map([['all', byClass.strategic + byClass.tactical + byClass.unclassified]]);
    valuesAt = (key, offset, asc) =>
      db
        .all<{ d: number }>(
          grouping === 'class'
            ? sql`select ${cycleDays} as d from ${requests} indexed by requests_cycle_class_idx
                where ${cycled} and ${reportClass} = ${key} and ${completedIn(period)}
                order by ${order(asc)} limit 2 offset ${offset}`
            : sql`select ${cycleDays} as d from ${requests} indexed by requests_cycle_idx
                where ${cycled} and ${completedIn(period)}
                order by ${order(asc)} limit 2 offset ${offset}`,
        )
        .map((r) => r.d);
  }
  const stats = new Map<string, CycleTimeStats>();
  for (const [key, n] of counts) {
    if (n === 0) continue;
    const [median, p85] = quantiles.map((p) => {
      const { lower, upper, fraction } = percentileRanks(n, p);
      // Walk from whichever end is nearer: the 85th percentile is read from the longest down.
      let low: number, high: number;
      if (lower < n / 2) {
        const [a, b] = valuesAt(key, lower, true);
        [low, high] = [a!, upper === lower ? a! : b!];
      } else {
        const [a, b] = valuesAt(key, n - 1 - upper, false);
        [high, low] = [a!, upper === lower ? a! : b!];
      }
      return roundTo(low + (high - low) * fraction, 1);
    });
    stats.set(key, { count: n, medianDays: median!, p85Days: p85! });
  }
  return stats;
}

export const noCycleTime: CycleTimeStats = { count: 0, medianDays: null, p85Days: null };

const classCounts = (rows: { c: ReportClass; n: number }[]): ClassCounts => {
  const counts: ClassCounts = { strategic: 0, tactical: 0, unclassified: 0 };
  for (const r of rows) counts[r.c] = r.n;
  return counts;
};

/** Requests delivered in the period, by class: one range of the class index per class. */
export function deliveredByClass(db: Queryable, period: ReportPeriod): ClassCounts {
  return classCounts(
    db.all(sql`
      select ${reportClass} as c, count(*) as n from ${doneClass}
      where ${delivered} and ${reportClass} in (${classList}) and ${completedIn(period)}
      group by 1
    `),
  );
}

/** Requests delivered in the period with a start (the ones cycle time covers), by class. */
export function startedByClass(db: Queryable, period: ReportPeriod): ClassCounts {
  return classCounts(
    db.all(sql`
      select ${reportClass} as c, count(*) as n from ${doneClass}
      where ${delivered} and ${reportClass} in (${classList}) and ${completedIn(period)} and ${requests.startedAt} is not null
      group by 1
    `),
  );
}

/**
 * Requests delivered per week, by class. Weeks start on Monday in the company's time zone; their
 * UTC bounds go to SQLite as a small table, and each (week, class) is counted as a range of the
 * class index. The first and last weeks count only the days inside the period.
 */
export function throughputByWeek(db: Queryable, period: ReportPeriod): { week: string; counts: ClassCounts }[] {
  // weekStarts counts its weeks before it lists them; each is clipped to the period by day number.
  const [first, last] = [dayNumber(period.from), dayNumber(period.to)];
  const weeks = weekStarts(period.from, period.to).map((monday) => {
    const start = Math.max(dayNumber(monday), first);
    const end = Math.min(dayNumber(monday) + 6, last);
    return { week: monday, ...boundsOf({ from: dateOfDayNumber(start), to: dateOfDayNumber(end) }, period.timeZone) };
  });
  const values = (rows: SQL[]) => sql.join(rows, sql`, `);
  const rows = db.all<{ week: string; c: ReportClass; n: number }>(sql`
    with weeks(week, start_at, end_at) as (values ${values(weeks.map((w) => sql`(${w.week}, ${w.startAt}, ${w.endAt})`))}),
      classes(c) as (values ${values(reportClasses.map((c) => sql`(${c})`))})
    select weeks.week as week, classes.c as c,
      (select count(*) from ${doneClass} where ${delivered} and ${reportClass} = classes.c and ${requests.completedAt} >= weeks.start_at and ${requests.completedAt} < weeks.end_at) as n
    from weeks, classes
  `);
  const byWeek = new Map(weeks.map((w) => [w.week, { strategic: 0, tactical: 0, unclassified: 0 } as ClassCounts]));
  for (const r of rows) byWeek.get(r.week)![r.c] = r.n;
  return [...byWeek].map(([week, counts]) => ({ week, counts }));
}
