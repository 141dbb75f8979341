import { HttpProblem, signInRequired } from '../../errors';

/** Never says which part was wrong. */
export const wrongCredentials = () => new HttpProblem(401, 'auth.invalid_credentials', 'Email or password is incorrect.');

export function tooManyAttempts(waitMs: number) {
  const seconds = Math.ceil(waitMs / 1000);
  const minutes = Math.ceil(seconds / 60);
  const when = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return new HttpProblem(429, 'auth.too_many_attempts', `Too many failed sign-ins. Try again in ${when}.`, undefined, {
    retryAfterSeconds: seconds,
  });
}

/** 503: the password-hash queue is full (hash-queue.ts); `Retry-After` says when to come back. */
export const signInBusy = (retryAfterSeconds: number) =>
  new HttpProblem(503, 'auth.busy', 'Too many people are signing in right now. Try again in a few seconds.', undefined, {
    retryAfterSeconds,
  });

export const sessionEnded = () => signInRequired('Your session ended while this was being sent. Sign in again.');

/** 422 naming the input: a wrong current password or an unacceptable new one (`password` when accepting an invitation). */
export const passwordRefused = (path: 'currentPassword' | 'newPassword' | 'password', message: string) =>
  new HttpProblem(422, 'auth.password_refused', `${path}: ${message}`, [{ path, message }]);

/** 400 for a reset link that is unknown, used, expired or for a deactivated account (never says which). */
export const badResetToken = () =>
  new HttpProblem(400, 'auth.reset_token_invalid', 'This reset link is invalid or has expired. Ask for a new one.', [
    { path: 'token', message: 'is invalid, used or expired' },
  ]);

export const tooManyResetRequests = (waitMs: number) => {
  const seconds = Math.ceil(waitMs / 1000);
  return new HttpProblem(429, 'auth.too_many_reset_requests', 'Too many reset requests from this address. Try again later.', undefined, {
    retryAfterSeconds: seconds,
  });
};

/** 404 on the single sign-on steps while OIDC_ISSUER is unset. */
export const ssoNotConfigured = () => new HttpProblem(404, 'auth.sso_not_configured', 'Single sign-on is not configured on this Altitude.');

/** 403 with SSO_ONLY=true: passwords are not used here, so they cannot be checked, reset or changed. */
export const passwordsOff = () =>
  new HttpProblem(
    403,
    'auth.sso_only',
    'This Altitude uses single sign-on only: sign in with SSO; passwords are managed by your identity provider.',
  );
