import type { FastifyBaseLogger } from 'fastify';
import { eq } from 'drizzle-orm';
import type { LoginBody, SessionUser } from '@altitude/shared/auth';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { HttpProblem } from '../../errors';
import { dummyHash, verifyPassword } from './password';
import { createSession } from './sessions';
import { clearAccount, lockedFor, recordFailure, throttleKeys } from './throttle';

const wrongCredentials = () => new HttpProblem(401, 'auth.invalid_credentials', 'Email or password is incorrect.');

/** Checks credentials under per-account and per-address limits; never says which part was wrong. */
export async function signIn(
  db: Db,
  { email, password }: LoginBody,
  ip: string,
  now: Date,
  log: FastifyBaseLogger,
): Promise<{ user: SessionUser; token: string }> {
  const keys = throttleKeys(email, ip);
  const wait = lockedFor(db, keys, now);
  if (wait > 0) {
    log.warn({ ip }, 'sign-in refused: too many failures');
    const minutes = Math.ceil(wait / 60_000);
    throw new HttpProblem(429, 'auth.too_many_attempts', `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, undefined, { retryAfterSeconds: Math.ceil(wait / 1000) });
  }
  const row = db.select().from(users).where(eq(users.email, email)).get();
  const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyHash));
  if (!row || !ok || !row.active) {
    recordFailure(db, keys, now);
    log.info({ ip, known: Boolean(row) }, 'sign-in failed');
    throw wrongCredentials();
  }
  clearAccount(db, email);
  const { token } = createSession(db, row.id, ip, now);
  log.info({ userId: row.id, ip }, 'signed in');
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role, departmentId: row.departmentId },
    token,
  };
}
