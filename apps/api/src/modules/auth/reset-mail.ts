import { resetTokenMinutes } from '@altitude/shared/account';
import type { Mail } from '../mail/outbox';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The reset email: the link, how long it lasts, and what to do when one did not ask for it. */
export function resetMail(to: string, name: string, link: string): Mail {
  const intro = `Hello ${name},`;
  const ask = 'Someone (hopefully you) asked to reset your Altitude password. Open this link to choose a new one:';
  const lasts = `The link works once and for ${resetTokenMinutes} minutes.`;
  const ignore = 'If you did not ask for it, ignore this email: your password stays as it is.';
  return {
    to,
    kind: 'password_reset',
    subject: 'Reset your Altitude password',
    text: [intro, '', ask, link, '', lasts, ignore].join('\n'),
    html: [
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${escapeHtml(ask)}</p>`,
      `<p><a href="${escapeHtml(link)}">Choose a new password</a></p>`,
      `<p>${escapeHtml(lasts)} ${escapeHtml(ignore)}</p>`,
    ].join('\n'),
  };
}
