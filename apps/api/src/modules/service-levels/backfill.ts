import { eq, isNull } from 'drizzle-orm';
import { expectedByFor, isRush } from '@altitude/shared/business-time';
import type { Db } from '../../db/client';
import { requests, requestTypes } from '../../db/schema';
import { businessCalendar } from './business-calendar';

/**
 * Requests filed before service levels existed get the expected-by date their type's turnaround
 * would have promised at filing (and their rush flag), once, at start-up: after this every
 * request has a clock, and the migration stays plain SQL. A no-op once none is missing.
 */
export function backfillExpectedBy(db: Db): number {
  const missing = db
    .select({ id: requests.id, createdAt: requests.createdAt, dueDate: requests.dueDate, turnaroundDays: requestTypes.turnaroundDays })
    .from(requests)
    .innerJoin(requestTypes, eq(requestTypes.id, requests.typeId))
    .where(isNull(requests.expectedBy))
    .all();
  if (missing.length === 0) return 0;
  db.transaction((tx) => {
    const calendar = businessCalendar(tx);
    for (const r of missing) {
      const expectedBy = expectedByFor(r.createdAt, r.turnaroundDays, calendar);
      tx.update(requests)
        .set({ expectedBy, rush: isRush(r.dueDate, expectedBy) })
        .where(eq(requests.id, r.id))
        .run();
    }
  });
  return missing.length;
}
