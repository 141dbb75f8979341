import type { FastifyBaseLogger } from 'fastify';
import { eq } from 'drizzle-orm';
import type { LoginBody, SessionUser } from '@altitude/shared/auth';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { signInBusy, tooManyAttempts, wrongCredentials } from './auth.errors';
import { passwordHashes, verifyPassword } from '../../lib/password';
import type { EventBus } from '../../plugins/sse';
import { createSession, deleteSession, sessionIdOfToken } from './sessions';
import { releaseAttempt, reserveAttempt, throttleKeys } from './throttle';

/**
 * Checks credentials under the sign-in limits (throttle.ts); never says which part was wrong.
 * Everything up to the hash joining its queue is one synchronous step: the queue's bound is
 * checked, the attempt reserved and the user read before anything awaits, so concurrent
 * attempts cannot slip past a limit between its check and its count.
 */
export async function signIn(
  db: Db,
  { email, password }: LoginBody,
  ip: string,
  now: Date,
  log: FastifyBaseLogger,
): Promise<{ user: SessionUser; token: string }> {
  if (passwordHashes.full) {
    log.warn({ ip, queued: passwordHashes.size }, 'sign-in refused: password hashing is saturated');
    throw signInBusy(passwordHashes.retryAfterSeconds());
  }
  const keys = throttleKeys(email, ip);
  const reservation = reserveAttempt(db, keys, now);
  if (!reservation.ok) {
    log.warn({ ip }, 'sign-in refused: too many failures');
    throw tooManyAttempts(reservation.retryAfterMs);
  }
  const row = db.select().from(users).where(eq(users.email, email)).get();
  // Unknown emails are checked against a dummy hash, through the same queue, so timing tells nothing.
  const ok = await verifyPassword(password, row?.passwordHash ?? null);
  if (!row || !ok || !row.active) {
    // The reservation already counted this failure.
    log.info({ ip, known: Boolean(row) }, 'sign-in failed');
    throw wrongCredentials();
  }
  const { token } = db.transaction((tx) => {
    releaseAttempt(tx, keys);
    return createSession(tx, row.id, ip, now);
  });
  log.info({ userId: row.id, ip }, 'signed in');
  return {
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      departmentId: row.departmentId,
      canViewInsights: row.canViewInsights,
    },
    token,
  };
}

/** Ends one session; the live update streams opened with it end too, the user's other sessions keep theirs. */
export function signOut(db: Db, events: EventBus, token: string): void {
  deleteSession(db, token);
  events.endSessionStreams(sessionIdOfToken(token));
}
