import { createHash, randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { resetTokenMinutes, type ResetBody } from '@altitude/shared/account';
import type { Db, Queryable } from '../../db/client';
import { passwordResets, users } from '../../db/schema';
import { hashPassword } from '../../lib/password';
import type { Mailer } from '../mail/sender';
import type { EventBus } from '../../plugins/sse';
import { badResetToken, passwordRefused, tooManyResetRequests } from './auth.errors';
import { passwordProblem } from './password-policy';
import { countResetRequest } from './reset-limits';
import { resetMail } from './reset-mail';
import { deleteUserSessions } from './sessions';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Stores a new reset token for `userId` (its SHA-256 only) and returns the token itself, which
 * exists nowhere else but in the link. Older unused tokens of that person stop working.
 */
export function issueResetToken(tx: Queryable, userId: number, now: Date, token = randomBytes(32).toString('base64url')): string {
  tx.delete(passwordResets)
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
    .run();
  tx.insert(passwordResets)
    .values({
      userId,
      tokenHash: hashToken(token),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + resetTokenMinutes * 60_000).toISOString(),
    })
    .run();
  return token;
}

export interface ResetDeps {
  db: Db;
  mailer: Mailer;
  events: EventBus;
  now: () => Date;
  log: FastifyBaseLogger;
}

/**
 * `POST /api/auth/reset-request`. Whether or not the email has an active account, the same
 * steps run (a token is drawn, the limits counted, one transaction) and the answer is the same
 * 202; only the mail differs, and it is sent after the answer.
 */
export function requestReset(deps: ResetDeps, email: string, ip: string, origin: string): void {
  const now = deps.now();
  const token = randomBytes(32).toString('base64url');
  const result = deps.db.transaction((tx) => {
    const allowance = countResetRequest(tx, email, ip, now);
    if (allowance.addressWaitMs > 0) return { waitMs: allowance.addressWaitMs, mailed: false };
    const user = tx.select({ id: users.id, name: users.name, active: users.active }).from(users).where(eq(users.email, email)).get();
    if (!allowance.mayMail || !user?.active) return { waitMs: 0, mailed: false };
    issueResetToken(tx, user.id, now, token);
    deps.mailer.enqueue(tx, resetMail(email, user.name, `${origin}/reset?token=${token}`));
    return { waitMs: 0, mailed: true };
  });
  if (result.waitMs > 0) {
    deps.log.warn({ ip }, 'password reset refused: too many requests from this address');
    throw tooManyResetRequests(result.waitMs);
  }
  deps.log.info({ ip, mailed: result.mailed }, 'password reset requested');
}

/**
 * `POST /api/auth/reset`: a live token sets the new password, is spent, and every session of
 * that person ends (whoever was signed in with the old password is out).
 */
export async function resetPassword(deps: ResetDeps, { token, newPassword }: ResetBody): Promise<void> {
  const tokenHash = hashToken(token);
  const live = (tx: Queryable) => {
    const row = tx
      .select({ id: passwordResets.id, userId: passwordResets.userId, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(and(eq(passwordResets.tokenHash, tokenHash), eq(users.active, true)))
      .get();
    if (!row || row.usedAt !== null || Date.parse(row.expiresAt) <= deps.now().getTime()) throw badResetToken();
    return row;
  };
  // Checked before the slow hash, so a dead link answers at once; checked again when writing.
  live(deps.db);
  const weak = passwordProblem(newPassword);
  if (weak) throw passwordRefused('newPassword', weak);
  const passwordHash = await hashPassword(newPassword);
  const userId = deps.db.transaction((tx) => {
    const row = live(tx);
    const at = deps.now().toISOString();
    tx.update(passwordResets).set({ usedAt: at }).where(eq(passwordResets.id, row.id)).run();
    // Any other link of theirs dies with this one.
    tx.delete(passwordResets)
      .where(and(eq(passwordResets.userId, row.userId), isNull(passwordResets.usedAt), ne(passwordResets.id, row.id)))
      .run();
    tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId)).run();
    deleteUserSessions(tx, row.userId);
    return row.userId;
  });
  deps.events.endStreamsOf(userId);
  deps.log.info({ userId }, 'password reset');
}
