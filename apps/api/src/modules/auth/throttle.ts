import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { loginThrottle } from '../../db/schema';

/**
 * Sign-in limits (issue 9). Failures are counted in `login_throttle` (so a restart does not reset
 * them) under three keys, each in a 15-minute window from its first failure:
 *
 * - the (account, address) pair: 5 failures lock that pair for 15 minutes. Someone guessing
 *   one account from one place is stopped; the owner at another address is not.
 * - the address: 50 failures across all accounts lock the address for 15 minutes. An office
 *   behind one NAT address (dozens of people, a typo or two each) stays open; a spray of
 *   guesses over many accounts from one machine is stopped.
 * - the account, from all addresses: never locked, so strangers cannot lock the owner out.
 *   After 10 failures in the window (twice what one person's typos can reach, since their
 *   pair locks at 5) the account is under attack and takes one attempt per 10 seconds; the
 *   excess gets 429 with Retry-After. A distributed guesser gets ~90 tries per 15 minutes
 *   instead of unlimited, and the owner gets in within seconds.
 *
 * An attempt is reserved (counted as a failure) before its password is hashed, in the same
 * synchronous transaction that checks the locks, so a burst of concurrent guesses is counted
 * in full; a success gives its reservation back.
 */
export const windowMs = 15 * 60_000;
export const limits = {
  pair: { failures: 5, lockMs: 15 * 60_000 },
  address: { failures: 50, lockMs: 15 * 60_000 },
  account: { slowAfter: 10, spacingMs: 10_000 },
} as const;
/** Expired rows are swept at most this often (and at the next reservation after it). */
const pruneEveryMs = 60_000;

/** A forwarded address is whatever the trusted proxy sent; the key stays bounded whatever it is. */
const addressOf = (ip: string) => ip.slice(0, 64);

export interface ThrottleKeys {
  pair: string;
  address: string;
  account: string;
}

export const throttleKeys = (email: string, ip: string): ThrottleKeys => ({
  // Neither an email (as the schema accepts it) nor an address contains a space.
  pair: `pair:${addressOf(ip)} ${email}`,
  address: `ip:${addressOf(ip)}`,
  account: `account:${email}`,
});

type Row = typeof loginThrottle.$inferSelect;
export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

const lastPrune = new WeakMap<Db, number>();

/**
 * Checks the locks and, when none holds, counts this attempt as a failure under every key, in
 * one BEGIN IMMEDIATE transaction. Refused attempts write nothing.
 */
export function reserveAttempt(db: Db, keys: ThrottleKeys, now: Date): Reservation {
  const t = now.getTime();
  return db.transaction((tx) => {
    if (t - (lastPrune.get(db) ?? -Infinity) >= pruneEveryMs) {
      pruneExpired(tx, now);
      lastPrune.set(db, t);
    }
    const rows = new Map(
      tx
        .select()
        .from(loginThrottle)
        .where(inArray(loginThrottle.key, [keys.pair, keys.address, keys.account]))
        .all()
        .map((r) => [r.key, r]),
    );
    const wait = Math.max(0, ...[...rows.values()].map((r) => (r.lockedUntil ? Date.parse(r.lockedUntil) - t : 0)));
    if (wait > 0) return { ok: false, retryAfterMs: wait };

    const count = (key: string, lockFor: (failures: number) => number | null) => {
      const row = rows.get(key);
      const fresh = !row || t - Date.parse(row.windowStart) >= windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const lockMs = lockFor(failures);
      write(tx, {
        key,
        failures,
        windowStart: fresh ? now.toISOString() : row.windowStart,
        lockedUntil: lockMs === null ? null : new Date(t + lockMs).toISOString(),
      });
    };
    count(keys.pair, (n) => (n >= limits.pair.failures ? limits.pair.lockMs : null));
    count(keys.address, (n) => (n >= limits.address.failures ? limits.address.lockMs : null));
    // Under attack: the next attempt on this account waits for the spacing, whoever sends it.
    count(keys.account, (n) => (n >= limits.account.slowAfter ? limits.account.spacingMs : null));
    return { ok: true };
  });
}

/**
 * The attempt succeeded: its pair starts afresh, and the address and account counts lose the
 * failure reserved for it (the address unlocks if that reservation locked it). The account's
 * spacing stays: the attack on it goes on whoever signed in.
 */
export function releaseAttempt(tx: Queryable, keys: ThrottleKeys): void {
  tx.delete(loginThrottle).where(eq(loginThrottle.key, keys.pair)).run();
  const address = tx.select().from(loginThrottle).where(eq(loginThrottle.key, keys.address)).get();
  if (address) {
    const failures = Math.max(0, address.failures - 1);
    write(tx, { ...address, failures, lockedUntil: failures < limits.address.failures ? null : address.lockedUntil });
  }
  tx.update(loginThrottle)
    .set({ failures: sql`max(0, ${loginThrottle.failures} - 1)` })
    .where(eq(loginThrottle.key, keys.account))
    .run();
}

function write(tx: Queryable, row: Row): void {
  tx.insert(loginThrottle)
    .values(row)
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil },
    })
    .run();
}

/** Deletes rows whose window and lock have both passed: they no longer count for anything. */
export function pruneExpired(tx: Queryable, now: Date): number {
  const windowEnded = new Date(now.getTime() - windowMs).toISOString();
  return tx
    .delete(loginThrottle)
    .where(
      and(
        lte(loginThrottle.windowStart, windowEnded),
        or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now.toISOString())),
      ),
    )
    .run().changes;
}
