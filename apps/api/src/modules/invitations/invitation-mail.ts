import { invitationDays } from '@altitude/shared/invitations';
import type { Mail } from '../mail/outbox';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The invitation email: who invited them, the link, and how long it lasts. */
export function invitationMail(to: string, name: string, inviter: string, link: string): Mail {
  const intro = `Hello ${name},`;
  const ask = `${inviter} invited you to Altitude, where marketing requests are filed and tracked. Open this link to choose your password and sign in:`;
  const lasts = `The link works once and for ${invitationDays} days.`;
  const ignore = 'If you did not expect it, ignore this email: no account is created until the link is used.';
  return {
    to,
    kind: 'invitation',
    subject: 'You are invited to Altitude',
    text: [intro, '', ask, link, '', lasts, ignore].join('\n'),
    html: [
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${escapeHtml(ask)}</p>`,
      `<p><a href="${escapeHtml(link)}">Join Altitude</a></p>`,
      `<p>${escapeHtml(lasts)} ${escapeHtml(ignore)}</p>`,
    ].join('\n'),
  };
}
