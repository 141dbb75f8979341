import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  isClosedStatus,
  openStatuses,
  reportClassSql,
  statuses,
  type ClassCounts,
  type ClosedStatus,
  type ReportClass,
  type Status,
} from '@altitude/shared/domain';
import type { Board, BoardColumn, Card } from '@altitude/shared/requests';
import type { Queryable } from '../../db/client';
import { requests, workflowColumns } from '../../db/schema';
import { invalidInput } from '../../errors';
import { columnCards } from '../requests/requests.queries';

export const closedPageSize = 50;

/** Open columns ship every card; closed ones only their most recent page, so the board stays small. */
export function readBoard(db: Queryable, where: SQL[], now = new Date()): Board {
  const limits = new Map(
    db
      .select()
      .from(workflowColumns)
      .all()
      .map((c) => [c.status, c.wipLimit]),
  );
  const counts = columnCounts(db, where);
  // Unfiltered, the real count is the count; filtered, it is read once more without the filters.
  const totals = where.length ? columnCounts(db, []) : counts;
  const openCards = new Map<Status, Card[]>(openStatuses.map((s) => [s, []]));
  for (const card of columnCards(db, [...where, inArray(requests.status, [...openStatuses])], 'position', undefined, undefined, now))
    openCards.get(card.status)!.push(card);
  return {
    columns: statuses.map((status) => {
      const head = { status, wipLimit: limits.get(status) ?? null, ...countsOf(counts, totals, status) };
      if (!isClosedStatus(status)) return { ...head, cards: openCards.get(status)!, nextCursor: null };
      return { ...head, ...closedPage(db, status, where, now) };
    }),
  };
}

const noCards = (): ClassCounts => ({ strategic: 0, tactical: 0, unclassified: 0 });

/** Cards per column and lane (report class) under `where`. */
function columnCounts(db: Queryable, where: SQL[], only?: Status): Map<Status, ClassCounts> {
  const lane = sql.raw(reportClassSql());
  const rows = db
    .select({ status: requests.status, lane: sql<ReportClass>`${lane}`, n: sql<number>`count(*)` })
    .from(requests)
    .where(sql.join([sql`1 = 1`, ...where, ...(only ? [eq(requests.status, only)] : [])], sql` and `))
    .groupBy(requests.status, lane)
    .all();
  const out = new Map<Status, ClassCounts>();
  for (const r of rows) {
    const lanes = out.get(r.status) ?? noCards();
    lanes[r.lane] = r.n;
    out.set(r.status, lanes);
  }
  return out;
}

/** A column's `count`, `total` and `laneCounts`, in the order the snapshot serialises them. */
export function countsOf(counts: Map<Status, ClassCounts>, totals: Map<Status, ClassCounts>, status: Status) {
  const laneCounts = counts.get(status) ?? noCards();
  const sum = (c: ClassCounts | undefined) => (c ? c.strategic + c.tactical + c.unclassified : 0);
  return { count: sum(laneCounts), total: sum(totals.get(status)), laneCounts };
}

const cursorOf = (card: Card) => Buffer.from(JSON.stringify([card.completedAt, card.id])).toString('base64url');

/** One page of a closed column, newest completion first; reads one card more to know whether another page follows. */
function closedPage(db: Queryable, status: Status, where: SQL[], now: Date, before?: { completedAt: string; id: number }) {
  const rows = columnCards(db, [...where, eq(requests.status, status)], 'completed', closedPageSize + 1, before, now);
  const cards = rows.slice(0, closedPageSize);
  return { cards, nextCursor: rows.length > closedPageSize ? cursorOf(cards[cards.length - 1]!) : null };
}

export function readClosedColumnPage(db: Queryable, status: ClosedStatus, where: SQL[], cursor?: string, now = new Date()): BoardColumn {
  let before: { completedAt: string; id: number } | undefined;
  if (cursor) {
    try {
      const [completedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, number];
      if (typeof completedAt !== 'string' || !Number.isInteger(id)) throw new Error('shape');
      before = { completedAt, id };
    } catch {
      throw invalidInput('cursor', 'must come from a previous page');
    }
  }
  const page = closedPage(db, status, where, now, before);
  const wipLimit = db.select().from(workflowColumns).where(eq(workflowColumns.status, status)).get()?.wipLimit ?? null;
  const counts = columnCounts(db, where, status);
  const totals = where.length ? columnCounts(db, [], status) : counts;
  return { status, wipLimit, ...countsOf(counts, totals, status), ...page };
}
