import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Initiative, InitiativeListQuery } from '@altitude/shared/initiatives';
import type { Queryable } from '../../db/client';
import { initiatives } from '../../db/schema';

export const initiativeColumns = {
  id: initiatives.id,
  name: initiatives.name,
  ownerId: initiatives.ownerId,
  quarter: initiatives.quarter,
  goal: initiatives.goal,
  archived: initiatives.archived,
};

/** Newest quarter first (`YYYY-Qn` sorts as time), then by name regardless of case. */
export function listInitiatives(db: Queryable, query: InitiativeListQuery): Initiative[] {
  const where: SQL[] = [];
  if (query.quarter !== undefined) where.push(eq(initiatives.quarter, query.quarter));
  if (query.archived !== undefined) where.push(eq(initiatives.archived, query.archived));
  return db
    .select(initiativeColumns)
    .from(initiatives)
    .where(and(...where))
    .orderBy(desc(initiatives.quarter), asc(sql`lower(${initiatives.name})`), asc(initiatives.id))
    .all();
}

export const findInitiative = (db: Queryable, id: number): Initiative | undefined =>
  db.select(initiativeColumns).from(initiatives).where(eq(initiatives.id, id)).get();

/** Another initiative of the quarter with the same name, regardless of case. */
export function sameNameInQuarter(db: Queryable, quarter: string, name: string, exceptId?: number): boolean {
  const same = and(eq(initiatives.quarter, quarter), sql`lower(${initiatives.name}) = lower(${name})`);
  return (
    db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(exceptId === undefined ? same : and(same, ne(initiatives.id, exceptId)))
      .get() !== undefined
  );
}
