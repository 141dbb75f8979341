import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { loginThrottle } from '../src/db/schema';
import { demoPassword } from '../src/db/seed/demo-catalog';
import { createTestApp, demoToday, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';

/**
 * Issue 9, items 2, 3 and 8: sign-in limits that count every attempt of a burst, throttle per
 * (account, address) pair and per address, slow an account under attack down without locking
 * its owner out, and forget expired counts (email length: email-length.test.ts).
 */

const minute = 60_000;

function signIn(t: TestApp, email: string, password: string, remoteAddress: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });
}

/** A 429 problem with a Retry-After header of whole seconds matching the body; returns the seconds. */
function expectRetryLater(res: LightMyRequestResponse, status = 429): number {
  const body = expectProblem(res, status);
  const header = res.headers['retry-after'];
  expect(header, 'Retry-After header').toMatch(/^[1-9]\d*$/);
  expect(body.retryAfterSeconds).toBe(Number(header));
  expect(res.headers['set-cookie']).toBeUndefined();
  return Number(header);
}

const throttleRows = (t: TestApp) => t.app.db.select({ n: count() }).from(loginThrottle).get()!.n;
const throttleKeys = (t: TestApp) =>
  t.app.db
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .all()
    .map((r) => r.key);

describe('a burst of concurrent sign-ins for one account from one address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => demoToday });
  });
  afterAll(() => t.app.close());

  it('has only 5 guesses checked; the rest, the right password included, get 429 with Retry-After', async () => {
    const address = '10.3.0.1';
    const burst = Array.from({ length: 40 }, (_, i) => signIn(t, 'cmo@example.com', i === 39 ? demoPassword : `wrong-${i}`, address));
    const answers = await Promise.all(burst);
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    // The 40th, with the right password, came after the limit: refused like the others.
    expect(answers[39]!.statusCode).toBe(429);
    for (const res of answers.filter((r) => r.statusCode === 429)) {
      expect(expectProblem(res, 429).code).toBe('auth.too_many_attempts');
      // The pair is locked for 15 minutes.
      expect(expectRetryLater(res)).toBe(15 * 60);
    }
    // The owner, from their own address, is not affected.
    expect((await signIn(t, 'cmo@example.com', demoPassword, '10.3.0.2')).statusCode).toBe(200);
  });
});

describe('an account guessed at from many addresses', () => {
  let t: TestApp;
  let now = demoToday.getTime();
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => new Date(now) });
  });
  afterAll(() => t.app.close());

  it('is slowed down, never locked: the owner with the right password gets in within seconds', async () => {
    // Three addresses, five wrong guesses each, a second apart: 15 failures on the CMO's account.
    for (let a = 1; a <= 3; a++) {
      for (let i = 0; i < 5; i++) {
        now += 1000;
        const res = await signIn(t, 'cmo@example.com', `guess-${a}-${i}`, `203.0.113.${a}`);
        if (res.statusCode === 429) {
          // Slowed down: the wait is seconds, not the 15-minute lock.
          expect(expectRetryLater(res)).toBeLessThanOrEqual(10);
          now += 10_000;
          expectProblem(await signIn(t, 'cmo@example.com', `guess-${a}-${i}`, `203.0.113.${a}`), 401);
        } else {
          expectProblem(res, 401);
        }
      }
    }
    // Each guessing address is locked out of the account...
    expectRetryLater(await signIn(t, 'cmo@example.com', demoPassword, '203.0.113.1'));

    // ...while the account as a whole takes one attempt per 10 seconds.
    now += 10_000;
    expectProblem(await signIn(t, 'cmo@example.com', 'one-more-guess', '203.0.113.200'), 401);
    const slowed = await signIn(t, 'cmo@example.com', demoPassword, '192.0.2.50');
    const wait = expectRetryLater(slowed);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(10);
    expect(expectProblem(slowed, 429).detail).toMatch(/seconds?/);

    // The owner, from a clean address, with the right password: in once the wait has passed.
    now += wait * 1000;
    const res = await signIn(t, 'cmo@example.com', demoPassword, '192.0.2.50');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe('cmo@example.com');
  }, 60_000);

  it("a colleague's account is not slowed by the attack on another one", async () => {
    now += 1000;
    expect((await signIn(t, 'marketer@example.com', demoPassword, '192.0.2.50')).statusCode).toBe(200);
  });
});

describe('the hash queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => demoToday });
  });
  afterAll(() => t.app.close());

  it('turns away sign-ins beyond 2 hashing and 16 waiting with 503 auth.busy and Retry-After, counting nothing for them', async () => {
    const before = throttleRows(t);
    const burst = Array.from({ length: 60 }, (_, i) => signIn(t, `nobody-${i}@example.com`, 'a-wrong-guess', `198.51.100.${i + 1}`));
    const answers = await Promise.all(burst);
    const busy = answers.filter((r) => r.statusCode === 503);
    const checked = answers.filter((r) => r.statusCode === 401);
    expect(busy.length + checked.length).toBe(60);
    // At most 2 + 16 held at once; the burst arrives faster than a hash, so most are turned away.
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(checked.length).toBeGreaterThanOrEqual(18);
    for (const res of busy) {
      expect(expectProblem(res, 503).code).toBe('auth.busy');
      expectRetryLater(res, 503);
    }
    // Three throttle rows (pair, address, account) per checked attempt, none for the refused ones.
    expect(throttleRows(t) - before).toBe(3 * checked.length);
  });
});

describe('throttle rows are pruned once their window and lock have passed', () => {
  let t: TestApp;
  let now = demoToday.getTime();
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => new Date(now) });
  });
  afterAll(() => t.app.close());

  it('forgets old failures and locks, keeps those still counting', async () => {
    // 12:00: five failures lock the pair (10.5.0.1, old-0) until 12:15; the window ends 12:15 too.
    for (let i = 0; i < 5; i++) await signIn(t, 'old-0@example.com', 'wrong', '10.5.0.1');
    await signIn(t, 'old-1@example.com', 'wrong', '10.5.0.1');
    // 12:10: a failure that counts until 12:25.
    now += 10 * minute;
    await signIn(t, 'recent@example.com', 'wrong', '10.5.0.2');
    const recent = ['pair:10.5.0.2 recent@example.com', 'ip:10.5.0.2', 'account:recent@example.com'];
    const old = [
      'pair:10.5.0.1 old-0@example.com',
      'pair:10.5.0.1 old-1@example.com',
      'ip:10.5.0.1',
      'account:old-0@example.com',
      'account:old-1@example.com',
    ];
    expect(throttleKeys(t)).toEqual(expect.arrayContaining([...old, ...recent]));

    // 12:16: the first failures' window and lock are over; the next sign-in sweeps them away.
    now += 6 * minute;
    await signIn(t, 'trigger@example.com', 'wrong', '10.5.0.3');
    const keys = throttleKeys(t);
    expect(keys.filter((k) => old.includes(k))).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining([...recent, 'ip:10.5.0.3']));

    // 12:26: the 12:10 failure is over too.
    now += 10 * minute;
    await signIn(t, 'trigger@example.com', 'wrong', '10.5.0.3');
    expect(throttleKeys(t).filter((k) => recent.includes(k))).toEqual([]);
  });

  it('a lock that outlives its window is kept until the lock has passed', async () => {
    now += 60 * minute;
    const address = '10.5.0.9';
    for (let i = 0; i < 5; i++) {
      now += 2 * minute; // five failures over ten minutes; the fifth locks the pair for 15 minutes
      await signIn(t, 'victim@example.com', 'wrong', address);
    }
    // 16 minutes after the first failure: the window is over, the lock (until 15 min after the fifth) is not.
    now += 8 * minute;
    await signIn(t, 'someone-else@example.com', 'wrong', '10.5.0.10');
    expect(throttleKeys(t)).toContain(`pair:${address} victim@example.com`);
    expectRetryLater(await signIn(t, 'victim@example.com', demoPassword, address));
    // Once the lock has passed, the row goes at the next sweep.
    now += 10 * minute;
    await signIn(t, 'someone-else@example.com', 'wrong', '10.5.0.10');
    expect(throttleKeys(t)).not.toContain(`pair:${address} victim@example.com`);
  });
});
