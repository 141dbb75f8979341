import { and, eq, ne, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import type { CreateDepartmentBody, Department, UpdateDepartmentBody } from '@altitude/shared/directory';
import type { Db, Queryable } from '../../db/client';
import { departments } from '../../db/schema';
import { alreadyTaken, notFound } from '../../errors';
import { writeAs } from '../auth/actor';

const columns = { id: departments.id, name: departments.name };

/** Names are unique regardless of case, so "Sales" and "sales" cannot both exist. */
function assertNameFree(tx: Queryable, name: string, exceptId?: number) {
  const sameName = sql`lower(${departments.name}) = lower(${name})`;
  const clash = tx
    .select({ id: departments.id })
    .from(departments)
    .where(exceptId === undefined ? sameName : and(sameName, ne(departments.id, exceptId)))
    .get();
  if (clash) throw alreadyTaken('department', 'name', name);
}

export function createDepartment(db: Db, actor: SessionUser, body: CreateDepartmentBody): Department {
  return writeAs(db, actor, 'lead', (tx) => {
    assertNameFree(tx, body.name);
    return tx.insert(departments).values({ name: body.name }).returning(columns).get();
  });
}

/** Renaming keeps the id, so people and requests stay attached to it. */
export function renameDepartment(db: Db, actor: SessionUser, id: number, body: UpdateDepartmentBody): Department {
  return writeAs(db, actor, 'lead', (tx) => {
    if (!tx.select({ id: departments.id }).from(departments).where(eq(departments.id, id)).get()) throw notFound('department');
    assertNameFree(tx, body.name, id);
    return tx.update(departments).set({ name: body.name }).where(eq(departments.id, id)).returning(columns).get()!;
  });
}
