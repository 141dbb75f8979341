import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/db/seed/demo-catalog';
import { createTestApp, type TestApp } from './harness';

describe('GET /api/auth/session: who is signed in, without an error for nobody', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
  });
  afterAll(() => t.app.close());

  const probe = (cookie?: string) => t.app.inject({ method: 'GET', url: '/api/auth/session', headers: cookie ? { cookie } : {} });

  it('answers 200 with user null to a visitor with no cookie or an unknown one, never 401', async () => {
    for (const cookie of [undefined, 'altitude_session=not-a-session']) {
      const res = await probe(cookie);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ user: null });
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
  });

  it('answers the signed-in user, and null again once they sign out', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'cmo@example.com', password: demoPassword },
    });
    const cookie = `altitude_session=${login.cookies.find((c) => c.name === 'altitude_session')!.value}`;
    const signedIn = await probe(cookie);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ email: 'cmo@example.com', role: 'lead' });
    expect(signedIn.json().user).not.toHaveProperty('passwordHash');

    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect((await probe(cookie)).json()).toEqual({ user: null });
  });
});
