import { asc, eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import type { InviteUserBody, UpdateUserBody, User } from '@altitude/shared/directory';
import type { Db, Queryable } from '../../db/client';
import { departments, users } from '../../db/schema';
import { alreadyTaken, invalidInput, notFound } from '../../errors';
import { lastLead, ownDeactivation, ownRoleChange, reserveAboveWeek, unknownDepartment } from './users.errors';
import type { EventBus } from '../../plugins/sse';
import { activeLeadCount, writeAs } from '../auth/actor';
import { hashPassword } from '../../lib/password';
import { passwordProblem } from '../auth/password-policy';
import { deleteUserSessions } from '../auth/sessions';

export interface Deps {
  db: Db;
  events: EventBus;
}

/** Never the password hash. */
const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  departmentId: users.departmentId,
  active: users.active,
  weeklyMinutes: users.weeklyMinutes,
  strategicReserveMinutes: users.strategicReserveMinutes,
  canViewInsights: users.canViewInsights,
};

export const listUsers = (db: Db): { items: User[] } => ({ items: db.select(columns).from(users).orderBy(asc(users.name)).all() });

function assertDepartment(tx: Queryable, departmentId: number) {
  if (!tx.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId)).get()) {
    throw unknownDepartment();
  }
}

function assertEmailFree(tx: Queryable, email: string) {
  if (
    tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .get()
  )
    throw alreadyTaken('user', 'email', email);
}

/** Adds a person with the initial password the lead chose; they sign in with it straight away. */
export async function inviteUser(deps: Deps, actor: SessionUser, body: InviteUserBody): Promise<User> {
  const weak = passwordProblem(body.password);
  if (weak) throw invalidInput('password', weak);
  // Checked before hashing too, so a clash answers at once rather than after the slow hash.
  assertDepartment(deps.db, body.departmentId);
  assertEmailFree(deps.db, body.email);
  const passwordHash = await hashPassword(body.password);
  // The lead is checked again here: they may have been deactivated while the body or the hash took its time.
  return writeAs(deps.db, actor, 'lead', (tx) => {
    assertDepartment(tx, body.departmentId);
    assertEmailFree(tx, body.email);
    return tx
      .insert(users)
      .values({ email: body.email, name: body.name, role: body.role, departmentId: body.departmentId, passwordHash })
      .returning(columns)
      .get();
  });
}

/**
 * Changes a person's name, role, department, active flag, working week or strategic reserve (never
 * more than their week). A lead cannot demote or deactivate
 * themselves, and no change may leave the directory without an active lead (checked in the same
 * transaction, after the acting lead is re-read: two leads demoting each other at once cannot
 * both succeed). Deactivating someone or changing their role ends
 * their sessions at once (they sign in again under the new role); their requests, time and
 * activity stay as they are.
 */
export function updateUser(deps: Deps, actor: SessionUser, id: number, body: UpdateUserBody): User {
  const { user, ended, moved } = writeAs(deps.db, actor, 'lead', (tx) => {
    const current = tx.select(columns).from(users).where(eq(users.id, id)).get();
    if (!current) throw notFound('user');
    const roleChanges = body.role !== undefined && body.role !== current.role;
    const deactivates = body.active === false && current.active;
    if (id === actor.id && roleChanges) {
      throw ownRoleChange();
    }
    if (id === actor.id && body.active === false) {
      throw ownDeactivation();
    }
    if (body.departmentId !== undefined) assertDepartment(tx, body.departmentId);
    // Against the stored row read in this transaction: a reserve and a shorter week saved at once
    // by two leads cannot together leave a reserve above the week.
    const weekly = body.weeklyMinutes ?? current.weeklyMinutes;
    const reserve = body.strategicReserveMinutes ?? current.strategicReserveMinutes;
    if (reserve > weekly && (body.weeklyMinutes !== undefined || body.strategicReserveMinutes !== undefined)) {
      throw reserveAboveWeek(
        current.name,
        reserve,
        weekly,
        body.weeklyMinutes !== undefined && body.weeklyMinutes !== current.weeklyMinutes,
      );
    }
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as UpdateUserBody;
    if (Object.keys(changes).length === 0) return { user: current, ended: false, moved: false };
    const user = tx.update(users).set(changes).where(eq(users.id, id)).returning(columns).get()!;
    if ((roleChanges || deactivates) && current.role === 'lead' && current.active && activeLeadCount(tx) === 0) {
      throw lastLead(current.name, roleChanges ? 'role' : 'active');
    }
    if (roleChanges || deactivates) deleteUserSessions(tx, id);
    return { user, ended: roleChanges || deactivates, moved: user.departmentId !== current.departmentId };
  });
  // Open event streams were opened under the old role or department: end them too.
  if (ended || moved) deps.events.endStreamsOf(id);
  return user;
}
