import type { FastifyBaseLogger } from 'fastify';
import { and, eq, ne } from 'drizzle-orm';
import type { ChangePasswordBody } from '@altitude/shared/account';
import type { SessionUser } from '@altitude/shared/auth';
import type { Db } from '../../db/client';
import { sessions, users } from '../../db/schema';
import { hashPassword, passwordHashes, verifyPassword } from '../../lib/password';
import type { EventBus } from '../../plugins/sse';
import { recheckActor, writeAs } from './actor';
import { passwordRefused, signInBusy, tooManyAttempts } from './auth.errors';
import { passwordProblem } from './password-policy';
import { sessionIdOf } from './sessions';
import { releaseAttempt, reserveAttempt, throttleKeys } from './throttle';

/**
 * `POST /api/auth/password`. The current password is checked under the sign-in limits (a stolen
 * session must not become a free password-guessing oracle): the attempt is reserved as a failure
 * before the hash and given back on success. Every other session of the person ends, with its
 * event streams; the one that made the change stays.
 */
export async function changePassword(
  deps: { db: Db; events: EventBus; now: () => Date; log: FastifyBaseLogger },
  actor: SessionUser,
  { currentPassword, newPassword }: ChangePasswordBody,
  ip: string,
): Promise<void> {
  const weak = passwordProblem(newPassword);
  if (weak) throw passwordRefused('newPassword', weak);
  if (passwordHashes.full) throw signInBusy(passwordHashes.retryAfterSeconds());
  // Deactivated or signed out while the body arrived: refused before anything is counted. The
  // check and the reservation run in one synchronous step, so nothing changes between them.
  recheckActor(deps.db, actor, 'signedIn');
  const keys = throttleKeys(actor.email, ip);
  const reservation = reserveAttempt(deps.db, keys, deps.now());
  if (!reservation.ok) throw tooManyAttempts(reservation.retryAfterMs);
  const stored = deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).get();
  if (!(await verifyPassword(currentPassword, stored?.passwordHash ?? null))) {
    deps.log.info({ userId: actor.id, ip }, 'password change refused: wrong current password');
    throw passwordRefused('currentPassword', 'is not your current password');
  }
  const passwordHash = await hashPassword(newPassword);
  const current = sessionIdOf(actor);
  const ended = writeAs(deps.db, actor, 'signedIn', (tx, user) => {
    releaseAttempt(tx, keys);
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    const others = and(eq(sessions.userId, user.id), current === undefined ? undefined : ne(sessions.id, current));
    const ids = tx.select({ id: sessions.id }).from(sessions).where(others).all();
    tx.delete(sessions).where(others).run();
    return ids.map((s) => s.id);
  });
  for (const id of ended) deps.events.endSessionStreams(id);
  deps.log.info({ userId: actor.id, endedSessions: ended.length }, 'password changed');
}
