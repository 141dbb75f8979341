import { eq } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import type { CreateInitiativeBody, Initiative, UpdateInitiativeBody } from '@altitude/shared/initiatives';
import type { Db, Queryable } from '../../db/client';
import { initiatives, users } from '../../db/schema';
import { writeAs } from '../auth/actor';
import { initiativeNotFound, invalidOwner, nameTakenInQuarter } from './initiatives.errors';
import { findInitiative, initiativeColumns, sameNameInQuarter } from './initiatives.queries';

/** The owner answers for the initiative's strategic work: an active marketer or lead. */
function assertOwner(tx: Queryable, ownerId: number) {
  const owner = tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, ownerId)).get();
  if (!owner || !owner.active || owner.role === 'requester') throw invalidOwner();
}

export function createInitiative(db: Db, actor: SessionUser, body: CreateInitiativeBody): Initiative {
  return writeAs(db, actor, 'lead', (tx) => {
    assertOwner(tx, body.ownerId);
    if (sameNameInQuarter(tx, body.quarter, body.name)) throw nameTakenInQuarter(body.name, body.quarter);
    return tx
      .insert(initiatives)
      .values({ name: body.name, ownerId: body.ownerId, quarter: body.quarter, goal: body.goal ?? '' })
      .returning(initiativeColumns)
      .get();
  });
}

/**
 * Renames, re-owns, moves to another quarter, rewrites the goal, archives or restores. Archiving
 * keeps the links already made (the hours stay with it in reports); it only stops new ones.
 */
export function updateInitiative(db: Db, actor: SessionUser, id: number, body: UpdateInitiativeBody): Initiative {
  return writeAs(db, actor, 'lead', (tx) => {
    const current = findInitiative(tx, id);
    if (!current) throw initiativeNotFound();
    if (body.ownerId !== undefined && body.ownerId !== current.ownerId) assertOwner(tx, body.ownerId);
    const name = body.name ?? current.name;
    const quarter = body.quarter ?? current.quarter;
    if ((name !== current.name || quarter !== current.quarter) && sameNameInQuarter(tx, quarter, name, id))
      throw nameTakenInQuarter(name, quarter);
    const patch = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    if (Object.keys(patch).length === 0) return current;
    return tx.update(initiatives).set(patch).where(eq(initiatives.id, id)).returning(initiativeColumns).get()!;
  });
}
