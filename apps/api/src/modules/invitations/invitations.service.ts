import { createHash, randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import {
  invitationDays,
  type AcceptInvitationBody,
  type CreatedInvitation,
  type InvitationLookup,
  type InviteBody,
} from '@altitude/shared/invitations';
import type { Db, Queryable } from '../../db/client';
import { departments, users } from '../../db/schema';
import { invitations } from '../../db/schema-notifications';
import { notFound } from '../../errors';
import { hashPassword } from '../../lib/password';
import type { Mailer } from '../mail/sender';
import { writeAs } from '../auth/actor';
import { passwordProblem } from '../auth/password-policy';
import { createSession } from '../auth/sessions';
import { unknownDepartment } from '../users/users.errors';
import { alreadyMember, invitationGone, invitationNotFound } from './invitations.errors';
import { passwordRefused } from '../auth/auth.errors';
import { invitationMail } from './invitation-mail';
import { accountWithEmail, byTokenHash, invitationColumns, pendingById, pendingFor } from './invitations.queries';

export interface Deps {
  db: Db;
  mailer: Mailer;
  now: () => Date;
  log: FastifyBaseLogger;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The web page that accepts an invitation (apps/web's router has the same path). */
export const acceptPath = '/invitations/accept';

/**
 * `POST /api/invitations`: stores the invitation (the token's SHA-256 only) and puts the email
 * with the link in the outbox, in one transaction. Re-inviting an email whose invitation is still
 * pending replaces it: the old link stops working, so only the newest one is in anyone's inbox.
 */
export function invite(deps: Deps, actor: SessionUser, body: InviteBody, origin: string): CreatedInvitation {
  const token = randomBytes(32).toString('base64url');
  const link = `${origin}${acceptPath}?token=${token}`;
  const now = deps.now();
  const created = writeAs(deps.db, actor, 'lead', (tx, lead) => {
    if (!tx.select({ id: departments.id }).from(departments).where(eq(departments.id, body.departmentId)).get()) throw unknownDepartment();
    if (accountWithEmail(tx, body.email)) throw alreadyMember(body.email);
    for (const old of pendingFor(tx, body.email, now)) {
      tx.update(invitations).set({ revokedAt: now.toISOString() }).where(eq(invitations.id, old.id)).run();
    }
    const row = tx
      .insert(invitations)
      .values({
        email: body.email,
        name: body.name,
        role: body.role,
        departmentId: body.departmentId,
        canViewInsights: body.canViewInsights ?? false,
        invitedById: lead.id,
        tokenHash: hashToken(token),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + invitationDays * 86_400_000).toISOString(),
      })
      .returning(invitationColumns)
      .get();
    deps.mailer.enqueue(tx, invitationMail(body.email, body.name, lead.name, link));
    return row;
  });
  // With a mail server, only the invitee gets the link; without one, the lead passes it on.
  return deps.mailer.delivers ? created : { ...created, link };
}

/** `DELETE /api/invitations/:id`: the link stops working; an accepted or expired one is not pending (404). */
export function revoke(deps: Deps, actor: SessionUser, id: number): void {
  writeAs(deps.db, actor, 'lead', (tx) => {
    const now = deps.now();
    if (!pendingById(tx, id, now)) throw notFound('invitation');
    tx.update(invitations).set({ revokedAt: now.toISOString() }).where(eq(invitations.id, id)).run();
  });
}

/** The invitation behind a token if it can still be accepted: 404 unknown, 410 used, revoked or expired. */
function live(tx: Queryable, token: string, now: Date) {
  const row = byTokenHash(tx, hashToken(token));
  if (!row) throw invitationNotFound();
  if (row.acceptedAt !== null || row.revokedAt !== null || Date.parse(row.expiresAt) <= now.getTime()) throw invitationGone();
  return row;
}

export function lookup(deps: Deps, token: string): InvitationLookup {
  const { email, name, expiresAt } = live(deps.db, token, deps.now());
  return { email, name, expiresAt };
}

/**
 * `POST /api/invitations/accept`: creates the account with the password the person chose and
 * signs them in. The token is checked before the slow hash (a dead link answers at once) and
 * again inside the write transaction, where it is spent: of concurrent accepts on one link,
 * exactly one creates an account; the others find it used (410).
 */
export async function accept(deps: Deps, body: AcceptInvitationBody, ip: string): Promise<{ user: SessionUser; token: string }> {
  live(deps.db, body.token, deps.now());
  const weak = passwordProblem(body.password);
  if (weak) throw passwordRefused('password', weak);
  const passwordHash = await hashPassword(body.password);
  return deps.db.transaction((tx) => {
    const now = deps.now();
    const invitation = live(tx, body.token, now);
    // Someone may have added the same person directly since the invitation was sent.
    if (accountWithEmail(tx, invitation.email)) throw alreadyMember(invitation.email);
    const user = tx
      .insert(users)
      .values({
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        departmentId: invitation.departmentId,
        canViewInsights: invitation.canViewInsights,
        passwordHash,
      })
      .returning({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        departmentId: users.departmentId,
        canViewInsights: users.canViewInsights,
      })
      .get();
    tx.update(invitations).set({ acceptedAt: now.toISOString(), userId: user.id }).where(eq(invitations.id, invitation.id)).run();
    const { token } = createSession(tx, user.id, ip, now);
    deps.log.info({ userId: user.id, invitationId: invitation.id }, 'invitation accepted');
    return { user, token };
  });
}
