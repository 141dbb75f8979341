import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema';
import { demoPassword } from '../src/db/seed/demo-catalog';
import { createTestApp, demoToday, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';

const hour = 3_600_000;
const minute = 60_000;
const day = 24 * hour;

function signIn(t: TestApp, email: string, password = demoPassword, remoteAddress?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

function me(t: TestApp, cookie: string) {
  return t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
}

describe('signing in and out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
  });
  afterAll(() => t.app.close());

  it('a demo user signs in with email and password and gets their user, never the password hash', async () => {
    const res = await signIn(t, 'sales@example.com');
    expect(res.statusCode).toBe(200);
    const { user } = res.json();
    expect(user).toEqual({
      id: expect.any(Number),
      email: 'sales@example.com',
      name: 'Sam Reyes',
      role: 'requester',
      departmentId: expect.any(Number),
      canViewInsights: false,
    });
    expect(res.body).not.toMatch(/passwordHash|password_hash|scrypt/);
  });

  it('the session cookie is HttpOnly and SameSite=Lax, and not Secure over plain http', async () => {
    const res = await signIn(t, 'marketer@example.com');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^altitude_session=[^;]+;/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).not.toMatch(/;\s*Secure/i);
    expect(setCookie).toMatch(/;\s*Path=\//);
  });

  it('the email is matched whatever its case and surrounding spaces', async () => {
    const res = await signIn(t, '  CMO@Example.com ');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: 'cmo@example.com', role: 'lead' });
  });

  it('a wrong password and an unknown email get the same 401 problem, so nobody learns which accounts exist', async () => {
    const wrongPassword = await signIn(t, 'exec@example.com', 'not-the-password', '10.1.0.1');
    const unknownEmail = await signIn(t, 'nobody@example.com', 'not-the-password', '10.1.0.1');
    const wrongBody = expectProblem(wrongPassword, 401);
    const unknownBody = expectProblem(unknownEmail, 401);
    expect(unknownBody).toEqual(wrongBody);
    expect(unknownEmail.body).toBe(wrongPassword.body);
    expect(unknownEmail.headers['content-type']).toBe(wrongPassword.headers['content-type']);
    expect(wrongBody.detail).not.toMatch(/password is wrong|no such user|unknown/i);
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
    expect(unknownEmail.headers['set-cookie']).toBeUndefined();
  });

  it('GET /api/auth/me returns the signed-in user for each demo role', async () => {
    // The demo's Executive requesters read Insights (PRODUCT.md, v2); leads do by role, not by the flag.
    for (const [email, role, canViewInsights] of [
      ['sales@example.com', 'requester', false],
      ['exec@example.com', 'requester', true],
      ['marketer@example.com', 'marketer', false],
      ['cmo@example.com', 'lead', false],
    ] as const) {
      const cookie = await t.login(email);
      const res = await me(t, cookie);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        user: { id: expect.any(Number), email, name: expect.any(String), role, departmentId: expect.any(Number), canViewInsights },
      });
      expect(res.body).not.toMatch(/passwordHash/);
    }
  });

  it('without a session, or with a made-up session cookie, GET /api/auth/me is a 401 problem', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/auth/me' }), 401);
    expectProblem(await me(t, 'altitude_session=made-up-token'), 401);
  });

  it('signing out answers 204, clears the cookie, and the old cookie no longer signs anyone in', async () => {
    const cookie = await t.login('product@example.com');
    expect((await me(t, cookie)).statusCode).toBe(200);

    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(String(res.headers['set-cookie'])).toMatch(/^altitude_session=;.*Max-Age=0/i);

    expectProblem(await me(t, cookie), 401);
  });

  it("signing out one session leaves the same user's other sessions signed in", async () => {
    const laptop = await t.login('product@example.com');
    const phone = await t.login('product@example.com');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: laptop } })).statusCode).toBe(204);
    expect((await me(t, phone)).statusCode).toBe(200);
  });

  it('a deactivated user can no longer sign in, and their open sessions stop working', async () => {
    const email = 'kim.partners@example.com';
    const cookie = await t.login(email);
    t.app.db.update(users).set({ active: false }).where(eq(users.email, email)).run();

    expectProblem(await me(t, cookie), 401);
    const res = await signIn(t, email, demoPassword, '10.1.0.2');
    const body = expectProblem(res, 401);
    const unknown = expectProblem(await signIn(t, 'nobody@example.com', demoPassword, '10.1.0.2'), 401);
    expect(body).toEqual(unknown);
  });
});

describe('session lifetime', () => {
  let t: TestApp;
  let currentTime = demoToday.getTime();
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => new Date(currentTime) });
  });
  afterAll(() => t.app.close());

  it('a session left unused for 12 hours and 1 minute is rejected', async () => {
    currentTime = demoToday.getTime();
    const cookie = await t.login('sales@example.com');
    currentTime += 12 * hour + minute;
    expectProblem(await me(t, cookie), 401);
    // And it stays rejected: the idle session is gone, not merely refused once.
    currentTime = demoToday.getTime() + minute;
    expectProblem(await me(t, cookie), 401);
  });

  it('using a session keeps it alive past 12 hours from sign-in', async () => {
    currentTime = demoToday.getTime();
    const cookie = await t.login('sales@example.com');
    currentTime += 11 * hour + 59 * minute;
    expect((await me(t, cookie)).statusCode).toBe(200);
    currentTime += 11 * hour + 59 * minute;
    expect((await me(t, cookie)).statusCode).toBe(200);
  });

  it('a session ends 14 days after sign-in even when it is used every few hours', async () => {
    const start = demoToday.getTime();
    currentTime = start;
    const cookie = await t.login('marketer@example.com');
    for (currentTime = start + 4 * hour; currentTime < start + 14 * day; currentTime += 4 * hour) {
      const res = await me(t, cookie);
      expect(res.statusCode, `still signed in after ${(currentTime - start) / hour} h`).toBe(200);
    }
    currentTime = start + 14 * day - minute;
    expect((await me(t, cookie)).statusCode).toBe(200);
    currentTime = start + 14 * day + minute;
    expectProblem(await me(t, cookie), 401);
  });

  it('after a session expires the user can simply sign in again', async () => {
    currentTime = demoToday.getTime();
    const old = await t.login('cmo@example.com');
    currentTime += 13 * hour;
    expectProblem(await me(t, old), 401);
    const fresh = await t.login('cmo@example.com');
    expect((await me(t, fresh)).statusCode).toBe(200);
  });
});

describe('sign-in throttling', () => {
  let t: TestApp;
  let currentTime = demoToday.getTime();
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => new Date(currentTime) });
  });
  afterAll(() => t.app.close());

  it('five failed sign-ins from one address lock that address out of that account, not the owner elsewhere', async () => {
    const address = '10.2.0.1';
    for (let i = 1; i <= 5; i++) {
      expectProblem(await signIn(t, 'product@example.com', `wrong-${i}`, address), 401);
    }
    const res = await signIn(t, 'product@example.com', demoPassword, address);
    const body = expectProblem(res, 429);
    expect(body.code).toBe('auth.too_many_attempts');
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(res.headers['retry-after']).toBe(String(body.retryAfterSeconds));
    expect(res.headers['set-cookie']).toBeUndefined();

    // Strangers cannot lock the owner out: the right password from another address gets in...
    expect((await signIn(t, 'product@example.com', demoPassword, '10.2.0.99')).statusCode).toBe(200);
    // ...and the pair stays locked for the guesser; a colleague at the guesser's address still signs in.
    expectProblem(await signIn(t, 'product@example.com', demoPassword, address), 429);
    expect((await signIn(t, 'exec@example.com', demoPassword, address)).statusCode).toBe(200);
  });

  it('a locked account opens again once the 15-minute lock has passed', async () => {
    currentTime = demoToday.getTime();
    for (let i = 1; i <= 5; i++) await signIn(t, 'ana.cs@example.com', 'wrong', '10.2.0.2');
    expectProblem(await signIn(t, 'ana.cs@example.com', demoPassword, '10.2.0.2'), 429);
    currentTime += 15 * minute + 1000;
    expect((await signIn(t, 'ana.cs@example.com', demoPassword, '10.2.0.2')).statusCode).toBe(200);
  });

  it("a successful sign-in resets the account's count of failures", async () => {
    const address = '10.2.0.3';
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i <= 4; i++) expectProblem(await signIn(t, 'raj.product@example.com', 'wrong', address), 401);
      expect((await signIn(t, 'raj.product@example.com', demoPassword, address)).statusCode).toBe(200);
    }
  });

  it('an office behind one address is not blocked by 20 failures across accounts; 50 block that address only', async () => {
    const address = '10.2.0.4';
    /** Wrong guesses for guess-<from>… guess-<to - 1>, 16 at a time (the hash queue's bound). */
    const fail = async (from: number, to: number) => {
      for (let start = from; start < to; start += 16) {
        const batch = Array.from({ length: Math.min(16, to - start) }, (_, i) =>
          signIn(t, `guess-${start + i}@example.com`, 'wrong', address),
        );
        for (const res of await Promise.all(batch)) expectProblem(res, 401);
      }
    };
    await fail(0, 20);
    // Twenty colleagues' typos behind one NAT address: everyone else there still signs in.
    expect((await signIn(t, 'sales@example.com', demoPassword, address)).statusCode).toBe(200);
    await fail(20, 50);
    const res = await signIn(t, 'sales@example.com', demoPassword, address);
    expect(expectProblem(res, 429).code).toBe('auth.too_many_attempts');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await signIn(t, 'sales@example.com', demoPassword, '10.2.0.5')).statusCode).toBe(200);
  }, 120_000);
});
