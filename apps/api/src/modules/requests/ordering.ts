import { and, asc, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { Status } from '@altitude/shared/domain';
import type { Queryable, Tx } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { requests } from '../../db/schema';
import { invalidNeighbour } from './requests.errors';

/**
 * Keys longer than this trigger a rebalance of the column. Inserting again and again into one
 * gap grows a key by about one character per six inserts, so 24 leaves room for ~100 inserts
 * into the same gap between rebalances while keeping index entries small.
 */
export const maxKeyLength = 24;

/**
 * The position for a card placed in `status` right after `beforeId` (the card above it) or
 * right before `afterId` (the card below it), or at the end. Computed inside the write
 * transaction from the column as it is now, so two clients aiming at the same gap get
 * distinct keys: the second lands between the first and its neighbour.
 */
export function positionFor(tx: Tx, status: Status, movingId: number | null, beforeId?: number | null, afterId?: number | null): string {
  const q = orderingQueries(tx);
  const inColumn = (id: number, field: 'beforeId' | 'afterId') => {
    const row = q.card.get({ id });
    if (!row || row.status !== status || id === movingId)
      throw invalidNeighbour(field, `is not a card in ${status}`, `${field} must be another card in the ${status} column.`);
    return row.position;
  };
  // Ids start at 1, so -1 stands for "no card is moving" (a new card).
  const others = { status, movingId: movingId ?? -1 };
  if (beforeId && afterId) {
    // Both neighbours must be real cards of the column, the one below under the one above. Cards
    // may have landed between them since the client looked (another client aiming at the same
    // gap): the card then goes right under the card above, which is still between the two.
    const lo = inColumn(beforeId, 'beforeId');
    const hi = inColumn(afterId, 'afterId');
    if (hi <= lo)
      throw invalidNeighbour('afterId', 'must be a card below beforeId', 'afterId must be a card below the card named by beforeId.');
    return generateKeyBetween(lo, q.next.get({ ...others, position: lo })?.position ?? null);
  }
  if (beforeId) {
    const lo = inColumn(beforeId, 'beforeId');
    return generateKeyBetween(lo, q.next.get({ ...others, position: lo })?.position ?? null);
  }
  if (afterId) {
    const hi = inColumn(afterId, 'afterId');
    return generateKeyBetween(q.previous.get({ ...others, position: hi })?.position ?? null, hi);
  }
  return generateKeyBetween(q.last.get(others)?.position ?? null, null);
}

/** The few queries every placement runs, prepared once per connection. */
function orderingQueries(db: Queryable) {
  return prepareOnce(db, 'ordering', () => {
    const others = and(eq(requests.status, sql.placeholder('status')), ne(requests.id, sql.placeholder('movingId')));
    const position = sql.placeholder('position');
    return {
      card: db
        .select({ position: requests.position, status: requests.status })
        .from(requests)
        .where(eq(requests.id, sql.placeholder('id')))
        .prepare(),
      next: db
        .select({ position: requests.position })
        .from(requests)
        .where(and(others, gt(requests.position, position)))
        .orderBy(asc(requests.position))
        .limit(1)
        .prepare(),
      previous: db
        .select({ position: requests.position })
        .from(requests)
        .where(and(others, lt(requests.position, position)))
        .orderBy(desc(requests.position))
        .limit(1)
        .prepare(),
      last: db.select({ position: requests.position }).from(requests).where(others).orderBy(desc(requests.position)).limit(1).prepare(),
    };
  });
}

/** Spreads a column's keys evenly again, keeping the order. Returns true when it did. */
export function rebalanceIfLong(tx: Tx, status: Status, key: string): boolean {
  if (key.length <= maxKeyLength) return false;
  const rows = tx.select({ id: requests.id }).from(requests).where(eq(requests.status, status)).orderBy(asc(requests.position)).all();
  const keys = generateNKeysBetween(null, null, rows.length);
  // Two passes keep the (status, position) unique index satisfied while keys are swapped.
  rows.forEach((r) =>
    tx
      .update(requests)
      .set({ position: `~${r.id}` })
      .where(eq(requests.id, r.id))
      .run(),
  );
  rows.forEach((r, i) => tx.update(requests).set({ position: keys[i]! }).where(eq(requests.id, r.id)).run());
  return true;
}
