/** A message is tried this many times in all; after the last failure it is `failed`. */
export const maxAttempts = 5;

/**
 * Minutes to wait after the `attempts`-th failed attempt: 1, 5, 25, 125. A server that is down
 * for a moment gets the message a minute later; one down for hours is not hammered meanwhile.
 */
export const retryDelayMinutes = (attempts: number): number => 5 ** (attempts - 1);
