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
