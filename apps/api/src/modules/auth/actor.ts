import { and, count, eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import { userMeets, type Access } from '@altitude/shared/domain';
import type { Db, Queryable, Tx } from '../../db/client';
import { commitQueueOf } from '../../db/commit-queue';
import { prepareOnce } from '../../db/statements';
import { sessions, users } from '../../db/schema';
import { forbidden } from '../../errors';
import { sessionEnded } from './auth.errors';
import { sessionIdOf } from './sessions';

/**
 * The acting user as they stand inside the write transaction. The onRequest guard checked them
 * when the headers arrived, but a body can take minutes to arrive and a password hash takes a
 * while: a lead deactivated or demoted meanwhile must not write. Under BEGIN IMMEDIATE nobody can
 * change them between this read and the commit. Returns the fresh user (role and department as
 * they are now), which the write must use.
 */
export function recheckActor(tx: Queryable, actor: SessionUser, access: Access): SessionUser {
  const row = prepareOnce(tx, 'actor.lookup', () =>
    tx
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        departmentId: users.departmentId,
        canViewInsights: users.canViewInsights,
        active: users.active,
      })
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id: actor.id });
  // A session ended since (sign-out, a role change, a deactivation) no longer speaks for anyone.
  const sessionId = sessionIdOf(actor);
  const sessionLive =
    sessionId === undefined ||
    prepareOnce(tx, 'actor.session', () =>
      tx
        .select({ id: sessions.id })
        .from(sessions)
        .where(eq(sessions.id, sql.placeholder('id')))
        .prepare(),
    ).get({ id: sessionId }) !== undefined;
  if (!row?.active || !sessionLive) throw sessionEnded();
  if (!userMeets(row, access)) throw forbidden();
  const { active: _active, ...user } = row;
  return user;
}

/**
 * Every write an authenticated person makes runs here: one synchronous IMMEDIATE transaction
 * that first re-checks the actor (`access` is the route's rule), then runs `fn` with the fresh
 * actor. A refusal throws before anything is written.
 */
export function writeAs<T>(db: Db, actor: SessionUser, access: Access, fn: (tx: Tx, actor: SessionUser) => T): T {
  return db.transaction((tx) => fn(tx, recheckActor(tx, actor, access)));
}

/**
 * `writeAs` through the commit queue (db/commit-queue.ts): the same re-check and body, run in a
 * group of concurrent writes that share one transaction and one fsync. Resolves after the COMMIT;
 * a refusal or conflict rejects this write alone.
 */
export function writeAsQueued<T>(db: Db, actor: SessionUser, access: Access, fn: (tx: Tx, actor: SessionUser) => T): Promise<T> {
  return commitQueueOf(db).run((tx) => fn(tx, recheckActor(tx, actor, access)));
}

/** Active leads; the directory must never reach zero, or nobody could manage it. */
export function activeLeadCount(tx: Queryable): number {
  return (
    tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'lead'), eq(users.active, true)))
      .get()?.n ?? 0
  );
}
