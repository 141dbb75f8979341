import { z } from 'zod';
import { Email } from './auth';
import { Role } from './domain';
import { singleLine } from './text';

/** Days an invitation link stays valid. */
export const invitationDays = 7;

/** `POST /api/invitations` (lead): who to invite, as what; the person chooses their own password. */
export const InviteBody = z.strictObject({
  email: Email,
  name: singleLine(120),
  role: Role,
  departmentId: z.number({ error: 'choose a department' }).int().positive({ error: 'choose a department' }),
  canViewInsights: z.boolean().optional(),
});
export type InviteBody = z.infer<typeof InviteBody>;

/** A pending invitation as leads see it: never the token (only its hash is stored). */
export const Invitation = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: Role,
  departmentId: z.number().int(),
  canViewInsights: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

/**
 * The answer to an invitation: with `link` only while no mail server is configured (the message
 * is kept in the outbox and the lead passes the link on); with SMTP, only the invitee receives it.
 */
export const CreatedInvitation = Invitation.extend({ link: z.string().optional() });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const InvitationList = z.object({ items: z.array(Invitation) });
export type InvitationList = z.infer<typeof InvitationList>;

const Token = z.string().min(1, { error: 'is required' }).max(200);

/** `GET /api/invitations/lookup?token=` (anyone): what the accept page greets the person with. */
export const InvitationLookupQuery = z.strictObject({ token: Token });
export const InvitationLookup = z.object({ email: z.string(), name: z.string(), expiresAt: z.string() });
export type InvitationLookup = z.infer<typeof InvitationLookup>;

/** `POST /api/invitations/accept` (anyone holding the link): the server's password policy applies. */
export const AcceptInvitationBody = z.strictObject({ token: Token, password: z.string().min(1, { error: 'is required' }).max(1024) });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;
