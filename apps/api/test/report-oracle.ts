import type Database from 'better-sqlite3';

/**
 * Plain recomputations of the reports, written without the app's SQL or shared helpers, so a
 * test compares two independent answers. Loading every row is fine here: it is the test.
 */

export type Class = 'strategic' | 'tactical' | 'unclassified';
export type GroupBy = 'week' | 'department' | 'type' | 'assignee' | 'initiative';

export interface EntryRow {
  id: number;
  minutes: number;
  date: string;
  userId: number;
  requestId: number;
  departmentId: number;
  typeId: number;
  /** The request's initiative now, or null. */
  initiativeId: number | null;
  classification: string | null;
  suggested: number;
}

export interface RequestRow {
  id: number;
  typeId: number;
  departmentId: number;
  status: string;
  resolution: string | null;
  classification: string | null;
  suggested: number;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

export const classOf = (r: { classification: string | null; suggested: number }): Class =>
  r.suggested === 0 && (r.classification === 'strategic' || r.classification === 'tactical') ? r.classification : 'unclassified';

export function allEntries(client: Database.Database): EntryRow[] {
  return client
    .prepare(
      `select te.id, te.minutes, te.date, te.user_id as userId, te.request_id as requestId, r.department_id as departmentId, r.type_id as typeId,
              r.initiative_id as initiativeId, r.classification, r.classification_suggested as suggested
       from time_entries te join requests r on r.id = te.request_id`,
    )
    .all() as EntryRow[];
}

export function allRequests(client: Database.Database): RequestRow[] {
  return client
    .prepare(
      `select id, type_id as typeId, department_id as departmentId, status, resolution, classification, classification_suggested as suggested,
              created_at as createdAt, started_at as startedAt, completed_at as completedAt
       from requests`,
    )
    .all() as RequestRow[];
}

/** The Monday of a date, through Date's own weekday. */
export function monday(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The group an entry falls in; time on a request without an initiative is the group `none`. */
function groupKey(e: EntryRow, groupBy: GroupBy): string {
  if (groupBy === 'initiative') return e.initiativeId === null ? 'none' : String(e.initiativeId);
  return { week: monday(e.date), department: String(e.departmentId), type: String(e.typeId), assignee: String(e.userId) }[groupBy];
}

export type Minutes = Record<Class, number>;
const zero = (): Minutes => ({ strategic: 0, tactical: 0, unclassified: 0 });

/** Minutes by class for entries dated from..to, overall and per group key. */
export function recomputeSplit(entries: EntryRow[], from: string, to: string, groupBy: GroupBy) {
  const total = zero();
  const groups = new Map<string, Minutes>();
  for (const e of entries) {
    if (e.date < from || e.date > to) continue;
    const key = groupKey(e, groupBy);
    const c = classOf(e);
    total[c] += e.minutes;
    const g = groups.get(key) ?? zero();
    g[c] += e.minutes;
    groups.set(key, g);
  }
  return { total, groups };
}

/** The sorted-list percentile with linear interpolation (PERCENTILE.INC), written out longhand. */
export function percentileInc(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Is the UTC timestamp on a calendar day from..to in the given time zone? */
export function onDays(timestamp: string | null, from: string, to: string, timeZone = 'UTC'): boolean {
  if (!timestamp) return false;
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(timestamp),
  );
  return date >= from && date <= to;
}

export const cycleDays = (r: RequestRow) => (Date.parse(r.completedAt!) - Date.parse(r.startedAt!)) / 86_400_000;

/** The report rollups as canonical rows (one JSON string per row, sorted), to compare whole tables. */
export interface RollupTables {
  day: string[];
  week: string[];
  userDay: string[];
  requestTime: string[];
  requestUserTime: string[];
}

const canonical = (rows: Iterable<unknown[]>) => [...rows].map((r) => JSON.stringify(r)).sort();

/** What the rollup tables must hold for these entries, recomputed here from scratch. */
export function recomputeRollups(entries: EntryRow[]): RollupTables {
  const day = new Map<string, unknown[]>();
  const week = new Map<string, { row: (string | number)[]; requests: Set<number> }>();
  const userDay = new Map<string, (string | number)[]>();
  const requestTime = new Map<number, (string | number)[]>();
  const requestUserTime = new Map<string, (string | number)[]>();
  const slot = { strategic: 0, tactical: 1, unclassified: 2 } as const;
  const add = (row: (string | number)[], at: number, e: EntryRow) => {
    (row[at + slot[classOf(e)]] as number) += e.minutes;
    (row[at + 3] as number) += 1;
  };
  for (const e of entries) {
    const d = (day.get(`${e.date}|${e.departmentId}|${e.typeId}`) ?? [e.date, e.departmentId, e.typeId, 0, 0, 0, 0]) as (string | number)[];
    add(d, 3, e);
    day.set(`${e.date}|${e.departmentId}|${e.typeId}`, d);
    const wk = monday(e.date);
    const w = week.get(`${wk}|${e.departmentId}|${e.typeId}`) ?? {
      row: [wk, e.departmentId, e.typeId, 0, 0, 0, 0],
      requests: new Set<number>(),
    };
    add(w.row, 3, e);
    w.requests.add(e.requestId);
    week.set(`${wk}|${e.departmentId}|${e.typeId}`, w);
    const u = userDay.get(`${e.date}|${e.userId}`) ?? [e.date, e.userId, 0, 0, 0, 0];
    add(u, 2, e);
    userDay.set(`${e.date}|${e.userId}`, u);
    const r = requestTime.get(e.requestId) ?? [e.requestId, e.departmentId, e.typeId, e.date, e.date, 0, 0];
    if (e.date < (r[3] as string)) r[3] = e.date;
    if (e.date > (r[4] as string)) r[4] = e.date;
    (r[5] as number) += e.minutes;
    (r[6] as number) += 1;
    requestTime.set(e.requestId, r);
    const ru = requestUserTime.get(`${e.requestId}|${e.userId}`) ?? [e.requestId, e.userId, e.date, e.date];
    if (e.date < (ru[2] as string)) ru[2] = e.date;
    if (e.date > (ru[3] as string)) ru[3] = e.date;
    requestUserTime.set(`${e.requestId}|${e.userId}`, ru);
  }
  return {
    day: canonical(day.values()),
    week: canonical([...week.values()].map((w) => [...w.row, w.requests.size])),
    userDay: canonical(userDay.values()),
    requestTime: canonical(requestTime.values()),
    requestUserTime: canonical(requestUserTime.values()),
  };
}

/** What the rollup tables hold. */
export function readRollups(client: Database.Database): RollupTables {
  const rows = (sql: string) => canonical(client.prepare(sql).raw(true).all() as unknown[][]);
  const split = 'strategic_minutes, tactical_minutes, unclassified_minutes, entries';
  return {
    day: rows(`select date, department_id, type_id, ${split} from time_rollup_day`),
    week: rows(`select week, department_id, type_id, ${split}, requests from time_rollup_week`),
    userDay: rows(`select date, user_id, ${split} from time_rollup_user_day`),
    requestTime: rows('select request_id, department_id, type_id, first_date, last_date, minutes, entries from request_time'),
    requestUserTime: rows('select request_id, user_id, first_date, last_date from request_user_time'),
  };
}

/** Distinct requests with entries dated from..to, per group key. */
export function recomputeRequestCounts(entries: EntryRow[], from: string, to: string, groupBy: GroupBy): Map<string, number> {
  const groups = new Map<string, Set<number>>();
  for (const e of entries) {
    if (e.date < from || e.date > to) continue;
    const key = groupKey(e, groupBy);
    groups.set(key, (groups.get(key) ?? new Set()).add(e.requestId));
  }
  return new Map([...groups].map(([k, s]) => [k, s.size]));
}
