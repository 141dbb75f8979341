import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { roleMeets, type Role } from '@altitude/shared/domain';
import { buildApp } from '../src/app';
import { sessions } from '../src/db/schema';
import { demoPassword } from '../src/db/seed/demo-catalog';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';

const credentials = { email: 'sales@example.com', password: demoPassword };

/** A concrete URL for a route pattern: every `:param` becomes 1. */
const concrete = (url: string) => url.replace(/:[^/]+/g, '1');

/** The route called the way a client would, with a JSON body on writes. */
const callOf = (method: string, url: string, cookie?: string): InjectOptions => ({
  method: method as InjectOptions['method'],
  url: concrete(url),
  ...(cookie ? { headers: { cookie } } : {}),
  ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
});

describe('route guards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
  });
  afterAll(() => t.app.close());

  it('the route table lists every API route with its access level', () => {
    expect(t.app.routeTable).toEqual(
      expect.arrayContaining(
        [
          { method: 'GET', url: '/api/health', access: 'anonymous' },
          { method: 'POST', url: '/api/auth/login', access: 'anonymous' },
          { method: 'POST', url: '/api/auth/logout', access: 'signedIn' },
          { method: 'GET', url: '/api/auth/me', access: 'signedIn' },
          { method: 'GET', url: '/api/departments', access: 'signedIn' },
          { method: 'GET', url: '/api/request-types', access: 'signedIn' },
          { method: 'GET', url: '/api/users', access: 'signedIn' },
        ].map((route) => expect.objectContaining(route)),
      ),
    );
    // Sign-in, the health check, the "who am I" probe (which reveals only the caller's own
    // session), the two halves of a password reset (PRODUCT.md: "anyone") and the two steps of
    // accepting an invitation (whoever holds the link has no account yet), and single sign-on with
    // what the sign-in page offers (PRODUCT.md: "anyone") are the only doors open to everyone.
    expect(
      t.app.routeTable
        .filter((r) => r.access === 'anonymous')
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual([
      'GET /api/auth/config',
      'GET /api/auth/oidc/callback',
      'GET /api/auth/oidc/start',
      'GET /api/auth/session',
      'GET /api/health',
      'GET /api/invitations/lookup',
      'POST /api/auth/login',
      'POST /api/auth/reset',
      'POST /api/auth/reset-request',
      'POST /api/invitations/accept',
    ]);
  });

  it("the only pages outside /api open to everyone are the unsubscribe link's two halves, which answer HTML and need the signature, not a session", async () => {
    // Not API routes (HTML, for mail clients), so not in the route table: listed here on purpose.
    const anonymousPages = ['GET /unsubscribe', 'POST /unsubscribe'];
    for (const page of anonymousPages) {
      const [method, url] = page.split(' ') as ['GET' | 'POST', string];
      expect(t.app.hasRoute({ method, url }), page).toBe(true);
      // Signed out, without a valid signature: the 400 page, never a way in.
      const res = await t.app.inject({ method, url: `${url}?u=1&k=digest&sig=${'x'.repeat(43)}` });
      expect(res.statusCode, page).toBe(400);
      expect(res.headers['content-type'], page).toMatch(/^text\/html/);
    }
    expect(t.app.routeTable.some((r) => r.url === '/unsubscribe')).toBe(false);
  });

  it('every route that is not anonymous answers a signed-out caller with 401', async () => {
    expect(t.app.routeTable.length).toBeGreaterThan(0);
    for (const route of t.app.routeTable) {
      const res = await t.app.inject(callOf(route.method, route.url));
      const label = `${route.method} ${route.url} (${route.access})`;
      if (route.access === 'anonymous') {
        expect(res.statusCode, label).not.toBe(401);
        expect(res.statusCode, label).not.toBe(403);
      } else {
        expect(res.statusCode, label).toBe(401);
        expect(expectProblem(res, 401).code, label).toBe('auth.required');
      }
    }
  });

  it('HEAD and trailing-slash variants of a signed-in route are guarded too', async () => {
    for (const route of t.app.routeTable.filter((r) => r.method === 'GET' && r.access !== 'anonymous')) {
      expect((await t.app.inject({ method: 'HEAD', url: concrete(route.url) })).statusCode, `HEAD ${route.url}`).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: `${concrete(route.url)}/` })).statusCode, `GET ${route.url}/`).toBe(401);
    }
  });

  it("a signed-in user whose role is below a route's access level is refused with 403", async () => {
    const roles: [Role, string][] = [
      ['requester', 'sales@example.com'],
      ['marketer', 'marketer@example.com'],
      ['lead', 'cmo@example.com'],
    ];
    for (const [role, email] of roles) {
      const cookie = await t.login(email);
      for (const route of t.app.routeTable.filter((r) => !roleMeets(role, r.access))) {
        const res = await t.app.inject(callOf(route.method, route.url, cookie));
        expect(expectProblem(res, 403).code, `${role} ${route.method} ${route.url}`).toBe('auth.forbidden');
      }
    }
  });

  it('an API route that declares no access rule stops the app from starting', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-test-'));
    const app = await buildApp({ databasePath: path.join(dir, 'test.db') });
    try {
      await expect(async () => {
        app.get('/api/unguarded', async () => ({ secret: true }));
        await app.ready();
      }).rejects.toThrow(/declares no access rule/);
    } finally {
      await app.close().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cross-site request defence', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
  });
  afterAll(() => t.app.close());

  const sessionCount = () => t.app.db.select({ n: count() }).from(sessions).get()?.n ?? 0;
  const signInWith = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: credentials });

  it('a sign-in posted from a foreign origin is refused with 403 and creates no session', async () => {
    const before = sessionCount();
    const res = await signInWith({ origin: 'https://evil.example' });
    expect(expectProblem(res, 403).code).toBe('csrf.origin_mismatch');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(sessionCount()).toBe(before);
  });

  it('a foreign origin cannot sign a user out with their own cookie', async () => {
    const cookie = await t.login('marketer@example.com');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: 'https://evil.example' } });
    expectProblem(res, 403);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('an opaque "null" origin and a look-alike host are refused', async () => {
    expectProblem(await signInWith({ origin: 'null' }), 403);
    expectProblem(await signInWith({ host: 'altitude.example', origin: 'https://altitude.example.evil.example' }), 403);
    expectProblem(await signInWith({ host: 'altitude.example', origin: 'https://altitude.example:8443' }), 403);
  });

  it('a write the browser marks as cross-site is refused even without an Origin header', async () => {
    expectProblem(await signInWith({ 'sec-fetch-site': 'cross-site' }), 403);
  });

  it('a same-origin write is accepted, with or without the default port in the Host header', async () => {
    expect((await signInWith({ host: 'altitude.example', origin: 'https://altitude.example' })).statusCode).toBe(200);
    expect((await signInWith({ host: 'altitude.example:443', origin: 'https://altitude.example' })).statusCode).toBe(200);
    expect((await signInWith({ host: 'localhost:3000', origin: 'http://localhost:3000' })).statusCode).toBe(200);
    expect((await signInWith({ host: 'localhost:80', origin: 'http://localhost' })).statusCode).toBe(200);
    expect((await signInWith({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
  });

  it('the database keeps only a hash of the session token, not the cookie value itself', async () => {
    const cookie = await t.login('cmo@example.com');
    const token = cookie.split('=')[1]!;
    const ids = t.app.db
      .select({ id: sessions.id })
      .from(sessions)
      .all()
      .map((s) => s.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(token);
  });
});

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline' });
  });
  afterAll(() => t.app.close());

  it.each([
    ['a successful answer', '/api/health'],
    ['a 401 problem', '/api/users'],
    ['a 404 problem', '/api/no-such-route'],
  ])('%s carries a CSP that forbids framing and <base>, and nosniff', async (_label, url) => {
    const res = await t.app.inject({ method: 'GET', url });
    const csp = String(res.headers['content-security-policy']);
    const directives = csp.split(';').map((d) => d.trim());
    expect(directives).toContain("base-uri 'none'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('plain-http answers do not send HSTS, which only means something over HTTPS', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
