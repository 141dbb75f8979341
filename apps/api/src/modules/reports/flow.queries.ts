import { sql, type SQL } from 'drizzle-orm';
import { addDays, weekStarts } from '@altitude/shared/calendar';
import { percentileAt, roundTo } from '@altitude/shared/report-maths';
import type { CycleTimeStats, ReportClass } from '@altitude/shared/reports';
import type { Queryable } from '../../db/client';
import { requests } from '../../db/schema';
import { boundsOf, type ReportPeriod } from './report-period';
import { reportClass } from './report-class';

const quantiles = [0.5, 0.85] as const;

/** Delivered in the period: moved to done between its first and last day (company time zone). */
const deliveredIn = (p: ReportPeriod) =>
  sql`${requests.status} = 'done' and ${requests.completedAt} >= ${p.startAt} and ${requests.completedAt} < ${p.endAt}`;

/**
 * Median and 85th percentile of cycle time (first move out of intake → done, in days) of the
 * requests delivered in the period, per value of `groupKey`. SQLite ranks the durations with a
 * window function and returns only the rows at the ranks each quantile needs, so no more than
 * four rows per group leave the database.
 */
export function cycleTimeStats(db: Queryable, period: ReportPeriod, groupKey: SQL = sql`'all'`): Map<string, CycleTimeStats> {
  // The two ranks either side of each quantile, as percentileRanks computes them.
  const rankOf = (p: number) => sql`cast((n - 1) * ${p} as integer)`;
  const wanted = quantiles.flatMap((p) => [rankOf(p), sql`${rankOf(p)} + 1`]);
  const rows = db.all<{ g: string | number; n: number; i: number; days: number }>(sql`
    with durations as (
      select ${groupKey} as g, julianday(${requests.completedAt}) - julianday(${requests.startedAt}) as days
      from ${requests}
      where ${deliveredIn(period)} and ${requests.startedAt} is not null
    ), ranked as (
      select g, days, row_number() over (partition by g order by days) - 1 as i, count(*) over (partition by g) as n
      from durations
    )
    select g, n, i, days from ranked where i in (${sql.join(wanted, sql`, `)})
  `);
  const byGroup = new Map<string, { n: number; values: Map<number, number> }>();
  for (const r of rows) {
    const g = byGroup.get(String(r.g)) ?? { n: r.n, values: new Map() };
    g.values.set(r.i, r.days);
    byGroup.set(String(r.g), g);
  }
  return new Map(
    [...byGroup].map(([key, { n, values }]) => {
      const [median, p85] = quantiles.map((p) => {
        const v = percentileAt(n, p, (rank) => values.get(rank)!);
        return v === null ? null : roundTo(v, 1);
      });
      return [key, { count: n, medianDays: median ?? null, p85Days: p85 ?? null }];
    }),
  );
}

export const noCycleTime: CycleTimeStats = { count: 0, medianDays: null, p85Days: null };

export type ClassCounts = Record<ReportClass, number>;

/** Requests delivered in the period, by class. */
export function deliveredByClass(db: Queryable, period: ReportPeriod): ClassCounts {
  const rows = db.all<{ c: ReportClass; n: number }>(sql`select ${reportClass} as c, count(*) as n from ${requests} where ${deliveredIn(period)} group by c`);
  const counts: ClassCounts = { strategic: 0, tactical: 0, unclassified: 0 };
  for (const r of rows) counts[r.c] = r.n;
  return counts;
}

/**
 * Requests delivered per week, by class. Weeks start on Monday in the company's time zone; their
 * UTC bounds go to SQLite as a small table so each week is a range scan of the completion index.
 * The first and last weeks count only the days inside the period.
 */
export function throughputByWeek(db: Queryable, period: ReportPeriod): { week: string; counts: ClassCounts }[] {
  const weeks = weekStarts(period.from, period.to).map((monday) => {
    const from = monday < period.from ? period.from : monday;
    const sunday = addDays(monday, 6);
    return { week: monday, ...boundsOf({ from, to: sunday > period.to ? period.to : sunday }, period.timeZone) };
  });
  const values = sql.join(
    weeks.map((w) => sql`(${w.week}, ${w.startAt}, ${w.endAt})`),
    sql`, `,
  );
  const rows = db.all<{ week: string; c: ReportClass; n: number }>(sql`
    with weeks(week, start_at, end_at) as (values ${values})
    select weeks.week as week, ${reportClass} as c, count(*) as n
    from weeks join ${requests} on ${requests.status} = 'done' and ${requests.completedAt} >= weeks.start_at and ${requests.completedAt} < weeks.end_at
    group by weeks.week, c
  `);
  const byWeek = new Map(weeks.map((w) => [w.week, { strategic: 0, tactical: 0, unclassified: 0 } as ClassCounts]));
  for (const r of rows) byWeek.get(r.week)![r.c] = r.n;
  return [...byWeek].map(([week, counts]) => ({ week, counts }));
}
