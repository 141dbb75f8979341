import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginThrottle } from '../../db/schema';

const windowMs = 15 * 60_000;
const lockMs = 15 * 60_000;
export const limits = { account: 5, address: 20 } as const;

export type ThrottleKey = { key: string; limit: number };

export const throttleKeys = (email: string, ip: string): ThrottleKey[] => [
  { key: `account:${email}`, limit: limits.account },
  { key: `ip:${ip}`, limit: limits.address },
];

/** Milliseconds until the earliest of `keys` unlocks, or 0 when none is locked. */
export function lockedFor(db: Db, keys: ThrottleKey[], now: Date): number {
  let wait = 0;
  for (const { key } of keys) {
    const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
    if (row?.lockedUntil) wait = Math.max(wait, Date.parse(row.lockedUntil) - now.getTime());
  }
  return Math.max(0, wait);
}

export function recordFailure(db: Db, keys: ThrottleKey[], now: Date): void {
  db.transaction((tx) => {
    for (const { key, limit } of keys) {
      const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
      const fresh = !row || now.getTime() - Date.parse(row.windowStart) > windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const lockedUntil = failures >= limit ? new Date(now.getTime() + lockMs).toISOString() : null;
      const windowStart = fresh ? now.toISOString() : row.windowStart;
      tx.insert(loginThrottle)
        .values({ key, failures, windowStart, lockedUntil })
        .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, windowStart, lockedUntil } })
        .run();
    }
  });
}

export function clearAccount(db: Db, email: string): void {
  db.delete(loginThrottle).where(eq(loginThrottle.key, `account:${email}`)).run();
}
