import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/db/seed/demo-catalog';
import { createTestApp, type TestApp } from './harness';
import { addUser } from './request-helpers';

/** The security headers every answer carries, whatever its status or type. */
const expectedHeaders = {
  'content-security-policy':
    "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'none';frame-ancestors 'none';form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
const pick = (headers: Record<string, unknown>) => Object.fromEntries(Object.keys(expectedHeaders).map((k) => [k, headers[k]]));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline' });
  await addUser(t, 'lead@example.com', 'lead', 'Marketing');
});
afterAll(() => t.app.close());

describe('security headers', () => {
  it.each([
    ['a JSON answer', 'GET', '/api/health'],
    ['a 401 problem', 'GET', '/api/users'],
    ['a 404 problem', 'GET', '/api/no-such-route'],
    ['a 400 problem', 'POST', '/api/auth/login'],
    ['the API documentation', 'GET', '/api/docs/json'],
  ])('%s carries the same security headers', async (_label, method, url) => {
    const res = await t.app.inject({ method: method as 'GET', url, ...(method === 'POST' ? { payload: {} } : {}) });
    expect(pick(res.headers)).toEqual(expectedHeaders);
  });

  it('the CSP forbids framing, <base>, plugins and foreign scripts', () => {
    const directives = expectedHeaders['content-security-policy'].split(';');
    expect(directives).toEqual(
      expect.arrayContaining(["base-uri 'none'", "frame-ancestors 'none'", "object-src 'none'", "script-src 'self'", "default-src 'self'"]),
    );
    expect(directives.join(';')).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });
});

describe('over HTTPS', () => {
  /**
   * The app does not trust proxies (x-forwarded-proto is ignored), so HTTPS is simulated the way
   * Fastify detects it: the request's socket says it is encrypted. A loopback HTTP server hands
   * each request to the app's router with that flag set, as a TLS server's socket would have it.
   * plugins/security.ts adds HSTS when request.protocol === 'https'.
   */
  let base: string;
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      Object.defineProperty(req.socket, 'encrypted', { value: true, configurable: true });
      t.app.routing(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const fetchHttps = (path: string, init?: RequestInit) =>
    fetch(`${base}${path}`, { ...init, headers: { connection: 'close', ...init?.headers } });

  it('answers carry HSTS of at least a year, on success and on error', async () => {
    for (const path of ['/api/health', '/api/users']) {
      const res = await fetchHttps(path);
      const hsts = res.headers.get('strict-transport-security') ?? '';
      expect(hsts, path).toMatch(/^max-age=\d+/);
      expect(Number(/max-age=(\d+)/.exec(hsts)![1]), path).toBeGreaterThanOrEqual(365 * 24 * 3600);
      await res.arrayBuffer();
    }
  });

  it('the session cookie is Secure, HttpOnly and SameSite there', async () => {
    const res = await fetchHttps('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lead@example.com', password: demoPassword }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^altitude_session=[\w-]{43,};/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
  });

  it('plain-HTTP answers carry no HSTS and the cookie is not Secure (a browser would drop it)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'lead@example.com', password: demoPassword },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });
});
