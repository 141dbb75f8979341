import type Database from 'better-sqlite3';

/**
 * Plain recomputations of the reports, written without the app's SQL or shared helpers, so a
 * test compares two independent answers. Loading every row is fine here: it is the test.
 */

export type Class = 'strategic' | 'tactical' | 'unclassified';
export type GroupBy = 'week' | 'department' | 'type' | 'assignee';

export interface EntryRow {
  id: number;
  minutes: number;
  date: string;
  userId: number;
  requestId: number;
  departmentId: number;
  typeId: number;
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
              r.classification, r.classification_suggested as suggested
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

export type Minutes = Record<Class, number>;
const zero = (): Minutes => ({ strategic: 0, tactical: 0, unclassified: 0 });

/** Minutes by class for entries dated from..to, overall and per group key. */
export function recomputeSplit(entries: EntryRow[], from: string, to: string, groupBy: GroupBy) {
  const total = zero();
  const groups = new Map<string, Minutes>();
  for (const e of entries) {
    if (e.date < from || e.date > to) continue;
    const key = { week: monday(e.date), department: String(e.departmentId), type: String(e.typeId), assignee: String(e.userId) }[groupBy];
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
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(timestamp));
  return date >= from && date <= to;
}

export const cycleDays = (r: RequestRow) => (Date.parse(r.completedAt!) - Date.parse(r.startedAt!)) / 86_400_000;
