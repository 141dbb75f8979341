import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { departments, users } from '../src/db/schema';
import type { OidcSettings } from '../src/modules/auth/oidc-config';
import { flowCookie, openFlow, sealFlow } from '../src/modules/auth/oidc-flow-cookie';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { followProvider, startProvider } from './oidc-harness';

const redirectUrl = 'http://altitude.test/api/auth/oidc/callback';

describe('single sign-on against a real OpenID provider', () => {
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let t: TestApp;
  let settings: OidcSettings;

  beforeAll(async () => {
    provider = await startProvider(redirectUrl);
    settings = {
      issuer: provider.issuer,
      clientId: 'altitude',
      clientSecret: 'altitude-test-secret',
      redirectUrl,
      departmentClaim: 'department',
      departmentMap: { sales: 'Sales' },
      defaultDepartment: 'Product',
      ssoOnly: false,
    };
    t = await createTestApp({ seed: 'baseline', oidc: settings });
    provider.addAccount({ sub: 'idp-ada', email: 'ada@example.com', name: 'Ada Lovelace', department: 'sales' });
    provider.addAccount({ sub: 'idp-bob', email: 'bob@example.com', name: 'Bob Stone' });
  });
  afterAll(async () => {
    await t.app.close();
    await provider.close();
  });

  /** Start at Altitude, sign in at the provider, come back: the callback's answer and the flow cookie used. */
  async function signInWithSso(
    sub: string,
    tamper: (callback: URL, cookie: string) => { callback: URL; cookie: string } = (c, k) => ({ callback: c, cookie: k }),
  ) {
    provider.signInAs(sub);
    const start = await t.app.inject({ url: '/api/auth/oidc/start' });
    expect(start.statusCode).toBe(302);
    const cookie = start.cookies.find((c) => c.name === flowCookie)!.value;
    const back = await followProvider(start.headers.location as string, redirectUrl);
    const tampered = tamper(back, cookie);
    const res = await t.app.inject({
      url: `${tampered.callback.pathname}${tampered.callback.search}`,
      cookies: { [flowCookie]: tampered.cookie },
    });
    expect(res.statusCode).toBe(302);
    return res;
  }
  const session = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'altitude_session')?.value;
  const departmentId = (name: string) =>
    t.app.db
      .select()
      .from(departments)
      .all()
      .find((d) => d.name === name)!.id;

  it('says single sign-on is on, passwords too', async () => {
    expect((await t.app.inject({ url: '/api/auth/config' })).json()).toEqual({ sso: true, ssoOnly: false });
  });

  it('a first sign-in creates a requester in the department mapped from the claim, and signs them in', async () => {
    const res = await signInWithSso('idp-ada');
    expect(res.headers.location).toBe('/');
    const me = await t.app.inject({ url: '/api/auth/me', cookies: { altitude_session: session(res)! } });
    expect(me.json().user).toMatchObject({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'requester',
      departmentId: departmentId('Sales'),
    });
    const row = t.app.db.select().from(users).where(eq(users.email, 'ada@example.com')).get()!;
    expect(row.oidcSubject).toBe('idp-ada');
  });

  it('a second sign-in finds the same person; no claim lands in the default department', async () => {
    const before = t.app.db.select().from(users).all().length;
    expect(session(await signInWithSso('idp-ada'))).toBeDefined();
    expect(t.app.db.select().from(users).all()).toHaveLength(before);
    await signInWithSso('idp-bob');
    expect(t.app.db.select().from(users).where(eq(users.email, 'bob@example.com')).get()!.departmentId).toBe(departmentId('Product'));
  });

  it('a tampered state is refused and signs nobody in', async () => {
    const res = await signInWithSso('idp-ada', (callback, cookie) => {
      callback.searchParams.set('state', 'forged-state');
      return { callback, cookie };
    });
    expect(res.headers.location).toBe('/sign-in?error=sso_failed');
    expect(session(res)).toBeUndefined();
  });

  it('a tampered nonce is refused and signs nobody in', async () => {
    const res = await signInWithSso('idp-ada', (callback, cookie) => {
      const flow = openFlow(cookie, new Date())!;
      return { callback, cookie: sealFlow({ ...flow, nonce: 'forged-nonce' }) };
    });
    expect(res.headers.location).toBe('/sign-in?error=sso_failed');
    expect(session(res)).toBeUndefined();
  });

  it('an altered flow cookie is refused before the provider is asked', async () => {
    const res = await signInWithSso('idp-ada', (callback, cookie) => ({ callback, cookie: `${cookie}x` }));
    expect(res.headers.location).toBe('/sign-in?error=sso_expired');
  });

  it('a deactivated person is refused', async () => {
    t.app.db.update(users).set({ active: false }).where(eq(users.email, 'ada@example.com')).run();
    const res = await signInWithSso('idp-ada');
    expect(res.headers.location).toBe('/sign-in?error=sso_disabled');
    expect(session(res)).toBeUndefined();
  });
});

describe('without single sign-on, and with SSO only', () => {
  it('start and callback answer 404 problems when it is not configured', async () => {
    const t = await createTestApp({ seed: 'baseline' });
    try {
      expect((await t.app.inject({ url: '/api/auth/config' })).json()).toEqual({ sso: false, ssoOnly: false });
      expect(expectProblem(await t.app.inject({ url: '/api/auth/oidc/start' }), 404).code).toBe('auth.sso_not_configured');
      expectProblem(await t.app.inject({ url: '/api/auth/oidc/callback?code=x&state=y' }), 404);
    } finally {
      await t.app.close();
    }
  });

  it('SSO only turns password sign-in, reset and change off with a 403 that says why', async () => {
    const t = await createTestApp({
      seed: 'baseline',
      oidc: {
        issuer: 'http://127.0.0.1:9',
        clientId: 'x',
        clientSecret: 'y',
        redirectUrl,
        departmentClaim: null,
        departmentMap: {},
        defaultDepartment: 'Sales',
        ssoOnly: true,
      },
    });
    try {
      expect((await t.app.inject({ url: '/api/auth/config' })).json()).toEqual({ sso: true, ssoOnly: true });
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'a@example.com', password: 'whatever 123' },
      });
      expect(expectProblem(login, 403).code).toBe('auth.sso_only');
      expectProblem(await t.app.inject({ method: 'POST', url: '/api/auth/reset-request', payload: { email: 'a@example.com' } }), 403);
      expectProblem(
        await t.app.inject({ method: 'POST', url: '/api/auth/reset', payload: { token: 't', newPassword: 'whatever 123' } }),
        403,
      );
    } finally {
      await t.app.close();
    }
  });
});
