import { HttpProblem } from '../../errors';

export const invitationNotFound = () =>
  new HttpProblem(404, 'invitation.not_found', 'This invitation link is not valid. Ask the person who invited you for a new one.', [
    { path: 'token', message: 'is not an invitation' },
  ]);

/** 410: the link was real but is spent (accepted), withdrawn or past its date; never says which. */
export const invitationGone = () =>
  new HttpProblem(
    410,
    'invitation.gone',
    'This invitation has expired or was already used. Ask the person who invited you for a new one.',
    [{ path: 'token', message: 'is used, revoked or expired' }],
  );

/** 409: the email already belongs to an account; an invitation would create a second one. */
export const alreadyMember = (email: string) =>
  new HttpProblem(409, 'invitation.email_taken', `${email} already has an Altitude account.`, [
    { path: 'email', message: 'already has an account' },
  ]);
