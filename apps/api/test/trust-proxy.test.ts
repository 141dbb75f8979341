import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy, readConfig } from '../src/config';
import { demoPassword } from '../src/db/seed/demo-catalog';
import { createTestApp, demoToday, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';

/**
 * Issue 9, item 12: behind an HTTPS reverse proxy the app sees the proxy's address and plain
 * HTTP. TRUST_PROXY (off by default) makes it believe the proxy's X-Forwarded-For and
 * X-Forwarded-Proto; off, those headers are ignored, so a client cannot claim HTTPS or another
 * address to dodge the sign-in limits.
 */

const proxy = '10.9.0.1';
const fromProxy = (headers: Record<string, string>) => ({ remoteAddress: proxy, headers });

function login(t: TestApp, email: string, password: string, headers: Record<string, string>, remoteAddress = proxy) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress, headers });
}

describe('TRUST_PROXY setting', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['1', 1],
    ['true', 1],
    ['TRUE', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, loopback ,fd00::/8', ['10.0.0.0/8', 'loopback', 'fd00::/8']],
  ] as const)('TRUST_PROXY=%j reads as %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
    expect(readConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['yes-please', '10.0.0.0/99', '10.0.0.300', 'proxy.example.com'])(
    'TRUST_PROXY=%j stops the server from starting, naming the entry',
    (value) => {
      expect(() => readConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    },
  );
});

describe('with TRUST_PROXY off (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => demoToday });
  });
  afterAll(() => t.app.close());

  it('X-Forwarded-Proto: https neither makes the cookie Secure nor sends HSTS', async () => {
    const res = await login(t, 'sales@example.com', demoPassword, { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const health = await t.app.inject({ method: 'GET', url: '/api/health', ...fromProxy({ 'x-forwarded-proto': 'https' }) });
    expect(health.headers['strict-transport-security']).toBeUndefined();
  });

  it('a client cannot dodge the limit by claiming other addresses in X-Forwarded-For', async () => {
    for (let i = 1; i <= 5; i++) {
      expectProblem(await login(t, 'exec@example.com', `wrong-${i}`, { 'x-forwarded-for': `198.51.100.${i}` }), 401);
    }
    const res = await login(t, 'exec@example.com', demoPassword, { 'x-forwarded-for': '198.51.100.77' });
    expect(expectProblem(res, 429).code).toBe('auth.too_many_attempts');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('with TRUST_PROXY=1 (one reverse proxy)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => demoToday, trustProxy: 1 });
  });
  afterAll(() => t.app.close());

  it('over HTTPS at the proxy the session cookie is Secure and answers carry HSTS', async () => {
    const res = await login(t, 'sales@example.com', demoPassword, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.1' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
    const health = await t.app.inject({ method: 'GET', url: '/api/health', ...fromProxy({ 'x-forwarded-proto': 'https' }) });
    expect(health.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
  });

  it('plain HTTP at the proxy: no Secure cookie, no HSTS', async () => {
    const res = await login(t, 'sales@example.com', demoPassword, { 'x-forwarded-proto': 'http', 'x-forwarded-for': '198.51.100.1' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('each user behind the proxy has their own sign-in limit, keyed on the address the proxy forwards', async () => {
    for (let i = 1; i <= 5; i++) {
      expectProblem(await login(t, 'exec@example.com', `wrong-${i}`, { 'x-forwarded-for': '203.0.113.7' }), 401);
    }
    expectProblem(await login(t, 'exec@example.com', demoPassword, { 'x-forwarded-for': '203.0.113.7' }), 429);
    // The owner, elsewhere but through the same proxy, gets in.
    expect((await login(t, 'exec@example.com', demoPassword, { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(200);
    // What the client wrote before the proxy's own entry is not believed: the guesser stays locked.
    expectProblem(await login(t, 'exec@example.com', demoPassword, { 'x-forwarded-for': '192.0.2.1, 203.0.113.7' }), 429);
  });
});

describe("with TRUST_PROXY naming the proxy's address", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => demoToday, trustProxy: ['10.9.0.0/16'] });
  });
  afterAll(() => t.app.close());

  it('believes the forwarded headers from that proxy only', async () => {
    const viaProxy = await login(t, 'sales@example.com', demoPassword, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.1' });
    expect(String(viaProxy.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    const direct = await login(
      t,
      'sales@example.com',
      demoPassword,
      { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.1' },
      '203.0.113.50',
    );
    expect(direct.statusCode).toBe(200);
    expect(String(direct.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    expect(direct.headers['strict-transport-security']).toBeUndefined();
  });
});
