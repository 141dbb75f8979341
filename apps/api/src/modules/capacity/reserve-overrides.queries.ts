import { and, count, desc, eq, gte, lt, sql, sum } from 'drizzle-orm';
import type { ReserveOverride } from '@altitude/shared/reserve-trade-off';
import type { Queryable, Tx } from '../../db/client';
import { departments, reserveOverrides } from '../../db/schema';

const columns = {
  id: reserveOverrides.id,
  requestId: reserveOverrides.requestId,
  acceptedById: reserveOverrides.acceptedById,
  assigneeId: reserveOverrides.assigneeId,
  reserveMinutes: reserveOverrides.reserveMinutes,
  createdAt: reserveOverrides.createdAt,
};

/** Whether taking this person's reserve for this request was accepted before. */
export const acceptedBefore = (db: Queryable, requestId: number, assigneeId: number): boolean =>
  db
    .select({ id: reserveOverrides.id })
    .from(reserveOverrides)
    .where(and(eq(reserveOverrides.requestId, requestId), eq(reserveOverrides.assigneeId, assigneeId)))
    .get() !== undefined;

export function insertOverride(tx: Tx, row: Omit<ReserveOverride, 'id'> & { departmentId: number }): ReserveOverride {
  return tx.insert(reserveOverrides).values(row).returning(columns).get();
}

/** Overrides accepted in [startAt, endAt) by requesting department: most first. */
export function overridesByDepartment(db: Queryable, startAt: string, endAt: string) {
  const n = count();
  return db
    .select({
      departmentId: reserveOverrides.departmentId,
      label: sql<string>`coalesce(${departments.name}, '#' || ${reserveOverrides.departmentId})`,
      count: n,
      reserveMinutes: sql<number>`${sum(reserveOverrides.reserveMinutes)}`.mapWith(Number),
    })
    .from(reserveOverrides)
    .leftJoin(departments, eq(departments.id, reserveOverrides.departmentId))
    .where(and(gte(reserveOverrides.createdAt, startAt), lt(reserveOverrides.createdAt, endAt)))
    .groupBy(reserveOverrides.departmentId)
    .orderBy(desc(n), desc(sum(reserveOverrides.reserveMinutes)), reserveOverrides.departmentId)
    .all();
}
