import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { loginThrottle } from '../../db/schema';
import { windowMs } from './throttle';

/**
 * Limits on reset requests, counted in `login_throttle` under their own keys and in the same
 * 15-minute windows (so its sweep clears them too):
 * - per address: past 20 requests the address gets 429, whichever emails it asked for (the
 *   answer says nothing about any account);
 * - per email: past 3 requests no further mail is written, yet the answer stays 202, the same
 *   for an address that has an account and one that has not.
 */
export const resetLimits = { address: 20, email: 3 } as const;

export interface ResetAllowance {
  /** The address is over its limit: 429, with how long to wait. */
  addressWaitMs: number;
  /** The email is within its limit: a link may be sent. */
  mayMail: boolean;
}

/**
 * Counts one reset request for the address and the email; call inside a transaction. A request
 * the address limit refuses writes nothing (a refusal changes nothing, as everywhere).
 */
export function countResetRequest(tx: Queryable, email: string, ip: string, now: Date): ResetAllowance {
  const t = now.getTime();
  const current = (key: string) => {
    const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
    const fresh = !row || t - Date.parse(row.windowStart) >= windowMs;
    return { key, count: fresh ? 0 : row.failures, windowStart: fresh ? now.toISOString() : row.windowStart };
  };
  const bump = ({ key, count, windowStart }: ReturnType<typeof current>) =>
    tx
      .insert(loginThrottle)
      .values({ key, failures: count + 1, windowStart, lockedUntil: null })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { failures: count + 1, windowStart } })
      .run();
  const address = current(`reset-ip:${ip.slice(0, 64)}`);
  if (address.count >= resetLimits.address) {
    return { addressWaitMs: Date.parse(address.windowStart) + windowMs - t, mayMail: false };
  }
  const mail = current(`reset-email:${email}`);
  bump(address);
  bump(mail);
  return { addressWaitMs: 0, mayMail: mail.count < resetLimits.email };
}
