import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { isClosedStatus, openStatuses, statuses, type ClosedStatus, type Status } from '@altitude/shared/domain';
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
  const counts = new Map(
    db
      .select({ status: requests.status, n: sql<number>`count(*)` })
      .from(requests)
      .where(sql.join([sql`1 = 1`, ...where], sql` and `))
      .groupBy(requests.status)
      .all()
      .map((r) => [r.status, r.n]),
  );
  const openCards = new Map<Status, Card[]>(openStatuses.map((s) => [s, []]));
  for (const card of columnCards(db, [...where, inArray(requests.status, [...openStatuses])], 'position', undefined, undefined, now))
    openCards.get(card.status)!.push(card);
  return {
    columns: statuses.map((status) => {
      const count = counts.get(status) ?? 0;
      if (!isClosedStatus(status))
        return { status, wipLimit: limits.get(status) ?? null, count, cards: openCards.get(status)!, nextCursor: null };
      return { status, wipLimit: limits.get(status) ?? null, count, ...closedPage(db, status, where, now) };
    }),
  };
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
  const count =
    db
      .select({ n: sql<number>`count(*)` })
      .from(requests)
      .where(sql.join([sql`1 = 1`, ...where, eq(requests.status, status)], sql` and `))
      .get()?.n ?? 0;
  return { status, wipLimit, count, ...page };
}
