import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import type { Db, Queryable } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { sessions, users } from '../../db/schema';

export const sessionCookie = 'altitude_session';
/** A session ends after 12 hours unused or 14 days after sign-in, whichever comes first. */
export const idleTimeoutMs = 12 * 3_600_000;
export const absoluteTimeoutMs = 14 * 24 * 3_600_000;
/** lastSeenAt is refreshed at most this often, so reads stay reads. */
const touchEveryMs = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
/** The stored id of a session token (its SHA-256); streams are keyed by it, never by the token. */
export const sessionIdOfToken = hashToken;

export function createSession(db: Queryable, userId: number, ip: string, now: Date): { token: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + absoluteTimeoutMs);
  db.insert(sessions)
    .values({
      id: hashToken(token),
      userId,
      ip,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    .run();
  return { token, expiresAt };
}

/** Which session each resolved user came from, so a write can check it is still live (see actor.ts). */
const sessionIds = new WeakMap<SessionUser, string>();
export const sessionIdOf = (user: SessionUser): string | undefined => sessionIds.get(user);
/** Ties a user handed over from another thread (writer.ts) to the session it came from again. */
export function bindSessionId(user: SessionUser, id: string): SessionUser {
  sessionIds.set(user, id);
  return user;
}

/** The user behind a session token, or null when it is unknown, expired, idle too long or the user is deactivated. */
export function resolveSession(db: Db, token: string, now: Date): SessionUser | null {
  return sessionUser(db, hashToken(token), now, true);
}

/**
 * Same check by session id, without refreshing lastSeenAt: an open event stream re-checks its
 * session at each heartbeat, and a tab left open must not keep its session from going idle.
 */
export function checkSession(db: Db, id: string, now: Date): SessionUser | null {
  return sessionUser(db, id, now, false);
}

function sessionUser(db: Db, id: string, now: Date, touch: boolean): SessionUser | null {
  const row = prepareOnce(db, 'session.lookup', () =>
    db
      .select({
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        user: {
          id: users.id,
          email: users.email,
          name: users.name,
          role: users.role,
          departmentId: users.departmentId,
          canViewInsights: users.canViewInsights,
        },
        active: users.active,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  if (!row) return null;
  const t = now.getTime();
  const lastSeen = Date.parse(row.lastSeenAt);
  if (!row.active || Date.parse(row.expiresAt) <= t || t - lastSeen > idleTimeoutMs) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  if (touch && t - lastSeen > touchEveryMs) {
    db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id)).run();
  }
  sessionIds.set(row.user, id);
  return row.user;
}

export function deleteSession(db: Db, token: string): void {
  db.delete(sessions)
    .where(eq(sessions.id, hashToken(token)))
    .run();
}

/** Ends every session of a user at once; also callable inside a transaction. */
export function deleteUserSessions(db: Queryable, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
