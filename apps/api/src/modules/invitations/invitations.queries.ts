import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Invitation } from '@altitude/shared/invitations';
import type { Queryable } from '../../db/client';
import { users } from '../../db/schema';
import { invitations } from '../../db/schema-notifications';

/** What leads see of an invitation: never its token hash. */
export const invitationColumns = {
  id: invitations.id,
  email: invitations.email,
  name: invitations.name,
  role: invitations.role,
  departmentId: invitations.departmentId,
  canViewInsights: invitations.canViewInsights,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
};

/** Neither accepted nor revoked, and not past its date at `now`. */
const pending = (now: Date) =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now.toISOString()));

export const pendingInvitations = (db: Queryable, now: Date): Invitation[] =>
  db.select(invitationColumns).from(invitations).where(pending(now)).orderBy(asc(invitations.expiresAt), asc(invitations.id)).all();

export const pendingFor = (db: Queryable, email: string, now: Date) =>
  db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.email, email), pending(now)))
    .all();

export const pendingById = (db: Queryable, id: number, now: Date) =>
  db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.id, id), pending(now)))
    .get();

export const byTokenHash = (db: Queryable, tokenHash: string) =>
  db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).get();

/** Emails are stored lowercase, but older rows may not be: compare case-insensitively. */
export const accountWithEmail = (db: Queryable, email: string) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .get();
