import { eq, sql } from 'drizzle-orm';
import type { TimeEntry } from '@altitude/shared/activity';
import type { Queryable, Tx } from '../../db/client';
import { timeEntries } from '../../db/schema';

/** One time entry by id, or undefined. */
export function findTimeEntry(db: Queryable, id: number): TimeEntry | undefined {
  return db.select().from(timeEntries).where(eq(timeEntries.id, id)).get();
}

/** Writes the changed fields and the next version; the rollup triggers follow in the same transaction. */
export function updateTimeEntry(tx: Tx, id: number, set: Partial<Pick<TimeEntry, 'minutes' | 'date' | 'note' | 'version'>>): TimeEntry {
  return tx.update(timeEntries).set(set).where(eq(timeEntries.id, id)).returning().get()!;
}

export function deleteTimeEntry(tx: Tx, id: number): void {
  tx.delete(timeEntries).where(eq(timeEntries.id, id)).run();
}

/** A request's logged minutes summed from its entries (what `request.time_logged` tells listeners). */
export function loggedMinutesOf(db: Queryable, requestId: number): number {
  return (
    db
      .select({ n: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)` })
      .from(timeEntries)
      .where(eq(timeEntries.requestId, requestId))
      .get()?.n ?? 0
  );
}
