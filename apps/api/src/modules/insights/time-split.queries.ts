import { inArray, sql, type SQL } from 'drizzle-orm';
import { dateOfDayNumber, dayNumber, mondayOf } from '@altitude/shared/calendar';
import type { Period } from './rules/period';
import type { GroupBy } from '@altitude/shared/insights';
import { emptySplit, addSplits, type SplitMinutes } from './rules/report-maths';
import type { Queryable } from '../../db/client';
import { reportClass } from './report-class';
import {
  departments,
  initiatives,
  requests,
  requestTime,
  requestTypes,
  requestUserTime,
  timeEntries,
  timeRollupDay,
  timeRollupUserDay,
  timeRollupWeek,
  users,
} from '../../db/schema';

/*
 * Minutes come from the rollups the triggers keep (schema.ts, drizzle/0004), never from the
 * time entries themselves: a one-year period reads about 60 weekly rows per department and type
 * plus the daily rows of its partial first and last weeks, however many entries there are.
 */

/** How a period splits over the rollups: whole weeks, and the days outside them (each inside one week). */
export interface PeriodParts {
  /** First and last Monday of the weeks wholly inside the period, or null when there is none. */
  weeks: { first: string; last: string } | null;
  /** At most two runs of days, each within a single week. */
  days: { from: string; to: string }[];
}

export function partsOf({ from, to }: Period): PeriodParts {
  // Day numbers, not strings: every comparison and step is arithmetic on whole days.
  const [first, last] = [dayNumber(from), dayNumber(to)];
  const mondayOnOrBefore = (n: number) => dayNumber(mondayOf(dateOfDayNumber(n)));
  const firstMonday = mondayOnOrBefore(first) === first ? first : mondayOnOrBefore(first) + 7;
  const lastSunday = mondayOnOrBefore(last + 1) - 1;
  const run = (a: number, b: number) => ({ from: dateOfDayNumber(a), to: dateOfDayNumber(b) });
  if (firstMonday + 6 <= lastSunday) {
    const days: PeriodParts['days'] = [];
    if (first < firstMonday) days.push(run(first, firstMonday - 1));
    if (lastSunday < last) days.push(run(lastSunday + 1, last));
    return { weeks: { first: dateOfDayNumber(firstMonday), last: dateOfDayNumber(lastSunday - 6) }, days };
  }
  const runs: [number, number][] =
    firstMonday <= last
      ? [
          [first, firstMonday - 1],
          [firstMonday, last],
        ]
      : [[first, last]];
  return { weeks: null, days: runs.filter(([a, b]) => a <= b).map(([a, b]) => run(a, b)) };
}

/** The groupings the department-and-type rollups answer; marketers and initiatives are grouped on their own. */
type Dim = Exclude<GroupBy, 'assignee' | 'initiative'>;
const dayKey: Record<Dim, SQL> = {
  week: sql`date(${timeRollupDay.date}, '-6 days', 'weekday 1')`,
  department: sql`${timeRollupDay.departmentId}`,
  type: sql`${timeRollupDay.typeId}`,
};
const weekKey: Record<Dim, SQL> = {
  week: sql`${timeRollupWeek.week}`,
  department: sql`${timeRollupWeek.departmentId}`,
  type: sql`${timeRollupWeek.typeId}`,
};

/** The department-and-type rollup rows covering the period: (k0, k1, …, s, t, u). */
function departmentTypeRows(period: Period, dims: readonly Dim[]): SQL {
  const parts = partsOf(period);
  const keys = (of: Record<Dim, SQL>) => sql.join([...dims.map((d, i) => sql`${of[d]} as ${sql.identifier(`k${i}`)}`), sql`0`], sql`, `);
  const selects = parts.days.map(
    (
      d,
    ) => sql`select ${keys(dayKey)}, ${timeRollupDay.strategicMinutes} as s, ${timeRollupDay.tacticalMinutes} as t, ${timeRollupDay.unclassifiedMinutes} as u
      from ${timeRollupDay} where ${timeRollupDay.date} between ${d.from} and ${d.to}`,
  );
  if (parts.weeks) {
    selects.push(sql`select ${keys(weekKey)}, ${timeRollupWeek.strategicMinutes} as s, ${timeRollupWeek.tacticalMinutes} as t, ${timeRollupWeek.unclassifiedMinutes} as u
      from ${timeRollupWeek} where ${timeRollupWeek.week} between ${parts.weeks.first} and ${parts.weeks.last}`);
  }
  return sql.join(selects, sql` union all `);
}

export interface SplitRow extends SplitMinutes {
  /** One key per grouping asked for, as strings, in the same order. */
  keys: string[];
  /** Distinct requests worked on in the group; 0 unless asked for. */
  requestCount: number;
}

/**
 * Minutes logged between `from` and `to` (entry dates, both included) by class, grouped in SQL
 * by `dims` (none: one row for the whole period; `assignee` only on its own). Every entry falls
 * in exactly one group, so the groups always add up to the period's total.
 */
export function splitRows(db: Queryable, period: Period, dims: readonly GroupBy[], opts: { requestCount?: boolean } = {}): SplitRow[] {
  const idx = dims.map((_, i) => sql.identifier(`k${i}`));
  let rows: (Record<string, unknown> & { s: number; t: number; u: number; n?: number })[];
  if (dims.includes('initiative')) {
    if (dims.length > 1) throw new Error('initiative is grouped on its own');
    rows = initiativeRows(db, period);
  } else if (dims.includes('assignee')) {
    if (dims.length > 1) throw new Error('assignee is grouped on its own');
    rows = db.all(sql`
      select ${timeRollupUserDay.userId} as k0, sum(${timeRollupUserDay.strategicMinutes}) as s, sum(${timeRollupUserDay.tacticalMinutes}) as t, sum(${timeRollupUserDay.unclassifiedMinutes}) as u
      from ${timeRollupUserDay} where ${timeRollupUserDay.date} between ${period.from} and ${period.to}
      group by ${timeRollupUserDay.userId}
    `);
  } else {
    rows = db.all(sql`
      select ${sql.join([...idx, sql`sum(s) as s, sum(t) as t, sum(u) as u`], sql`, `)}
      from (${departmentTypeRows(period, dims as Dim[])})
      ${idx.length ? sql`group by ${sql.join(idx, sql`, `)}` : sql``}
    `);
    // An aggregate without grouping answers one row even over nothing.
    if (!idx.length && rows[0]?.s === null) rows = [];
  }
  const counts =
    opts.requestCount && dims.length === 1 && dims[0] !== 'initiative' ? requestCounts(db, period, dims[0]!) : new Map<string, number>();
  return rows.map((r) => {
    const keys = dims.map((_, i) => String(r[`k${i}`]));
    const requestCount = opts.requestCount ? (r.n ?? counts.get(keys[0]!) ?? 0) : 0;
    return { keys, strategicMinutes: r.s, tacticalMinutes: r.t, unclassifiedMinutes: r.u, requestCount };
  });
}

/**
 * Minutes by class per initiative (key `none`: requests linked to none). No rollup knows the
 * initiative, so this reads the period's time entries through `time_entries_date_idx` (date,
 * request, minutes) and each request by its key; the distinct requests come in the same pass.
 */
function initiativeRows(db: Queryable, period: Period) {
  const cls = (c: string) => sql`sum(iif(${reportClass} = ${c}, ${timeEntries.minutes}, 0))`;
  return db.all<{ k0: number | string; s: number; t: number; u: number; n: number }>(sql`
    select coalesce(${requests.initiativeId}, 'none') as k0, ${cls('strategic')} as s, ${cls('tactical')} as t, ${cls('unclassified')} as u,
      count(distinct ${timeEntries.requestId}) as n
    from ${timeEntries} join ${requests} on ${requests.id} = ${timeEntries.requestId}
    where ${timeEntries.date} between ${period.from} and ${period.to}
    group by 1
  `);
}

/**
 * Distinct requests with time logged in the period, per group. Weeks: the weekly rollup counts
 * each request once per week; the partial weeks at either end count their entries. Departments,
 * types and marketers: a request (per marketer) had time in the period when its first or last
 * day with time falls in it, or, spanning the whole period, when an entry does.
 */
function requestCounts(db: Queryable, period: Period, groupBy: Exclude<GroupBy, 'initiative'>): Map<string, number> {
  if (groupBy === 'week') {
    const parts = partsOf(period);
    const counts = new Map<string, number>();
    if (parts.weeks) {
      const rows = db.all<{ k: string; n: number }>(sql`
        select ${timeRollupWeek.week} as k, sum(${timeRollupWeek.requests}) as n from ${timeRollupWeek}
        where ${timeRollupWeek.week} between ${parts.weeks.first} and ${parts.weeks.last} group by ${timeRollupWeek.week}
      `);
      for (const r of rows) counts.set(r.k, r.n);
    }
    for (const d of parts.days) {
      const n = db.get<{ n: number }>(
        sql`select count(distinct ${timeEntries.requestId}) as n from ${timeEntries} where ${timeEntries.date} between ${d.from} and ${d.to}`,
      )!.n;
      if (n) counts.set(mondayOf(d.from), n);
    }
    return counts;
  }
  const { from, to } = period;
  const spans = {
    department: {
      table: requestTime,
      index: 'request_time_department_idx',
      key: requestTime.departmentId,
      ids: sql`select ${departments.id} from ${departments}`,
      sameEntry: sql``,
    },
    type: {
      table: requestTime,
      index: 'request_time_type_idx',
      key: requestTime.typeId,
      ids: sql`select ${requestTypes.id} from ${requestTypes}`,
      sameEntry: sql``,
    },
    assignee: {
      table: requestUserTime,
      index: 'request_user_time_user_idx',
      key: requestUserTime.userId,
      ids: sql`select ${users.id} from ${users}`,
      sameEntry: sql`and ${timeEntries.userId} = ${requestUserTime.userId}`,
    },
  }[groupBy];
  const t = spans.table;
  // One index range per group, walked in group order: nothing to sort.
  const rows = db.all<{ k: number; n: number }>(sql`
    select ${spans.key} as k, count(*) as n from ${t} indexed by ${sql.identifier(spans.index)}
    where ${spans.key} in (${spans.ids}) and ${t.lastDate} >= ${from} and ${t.firstDate} <= ${to}
      and (${t.firstDate} >= ${from} or ${t.lastDate} <= ${to}
        or exists (select 1 from ${timeEntries} where ${timeEntries.requestId} = ${t.requestId} ${spans.sameEntry} and ${timeEntries.date} between ${from} and ${to}))
    group by ${spans.key}
  `);
  return new Map(rows.map((r) => [String(r.k), r.n]));
}

/** The period's minutes by class. */
export function splitTotal(db: Queryable, period: Period): SplitMinutes {
  const [row] = splitRows(db, period, []);
  return row
    ? { strategicMinutes: row.strategicMinutes, tacticalMinutes: row.tacticalMinutes, unclassifiedMinutes: row.unclassifiedMinutes }
    : emptySplit();
}

export const sumSplits = (rows: readonly SplitMinutes[]): SplitMinutes =>
  rows.reduce<SplitMinutes>((s, r) => addSplits(s, r), emptySplit());

/** Display names of the ids a grouping produced; weeks are labelled from their key instead. */
export function labelsOf(db: Queryable, groupBy: Exclude<GroupBy, 'week'>, ids: number[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const table = { department: departments, type: requestTypes, assignee: users, initiative: initiatives }[groupBy];
  const rows = db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids)).all();
  return new Map(rows.map((r) => [String(r.id), r.name]));
}
