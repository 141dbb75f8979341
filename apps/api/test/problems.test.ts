import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';
import { expectNoStackTrace, expectProblem } from './problem-assertions';

const login = '/api/auth/login';

describe('errors are application/problem+json', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Validation runs before any account is looked up, so no users are needed.
    t = await createTestApp({ seed: 'baseline' });
  });
  afterAll(() => t.app.close());

  const postJson = (payload: string | object, url = login) =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

  it('a malformed JSON body is a 400 problem that points at the body', async () => {
    const body = expectProblem(await postJson('{"email": "sales@example.com", '), 400);
    expect(body.title).toBe('Bad request');
    expect(body.errors).toEqual([{ path: 'body', message: expect.any(String) }]);
  });

  it('an empty JSON body is a 400 problem, not a crash', async () => {
    const body = expectProblem(await postJson(''), 400);
    expect(body.errors?.[0]?.path).toBe('body');
  });

  it('a field of the wrong type is a 400 problem naming that field', async () => {
    const body = expectProblem(await postJson({ email: 'sales@example.com', password: 1 }), 400);
    expect(body.code).toBe('validation.failed');
    expect(body.errors).toEqual([{ path: 'password', message: expect.any(String) }]);
    expect(body.detail).toContain('password');
  });

  it('a missing field and a malformed email are both named', async () => {
    const body = expectProblem(await postJson({ email: 'not-an-email' }), 400);
    const paths = body.errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
    expect(body.errors?.find((e) => e.path === 'email')?.message).toBe('must be an email address');
  });

  it('an unknown property such as a self-assigned role is refused with a 400 naming that property', async () => {
    const res = await postJson({ email: 'sales@example.com', password: 'altitude-demo', role: 'lead' });
    const body = expectProblem(res, 400);
    expect(body.errors).toEqual([{ path: 'role', message: expect.any(String) }]);
    expect(body.detail).toContain('role');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('several unknown properties are each named on their own', async () => {
    const body = expectProblem(await postJson({ email: 'sales@example.com', password: 'x', role: 'lead', isAdmin: true }), 400);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['isAdmin', 'role']);
  });

  it('an unknown API route is a 404 problem', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/api/no-such-thing' }), 404);
    expect(body.detail).toContain('/api/no-such-thing');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/no-such-thing', payload: {} }), 404);
  });

  it('a text/plain body (what a cross-site form can send without a preflight) is a 415 problem', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: login,
      headers: { 'content-type': 'text/plain' },
      payload: '{"email":"sales@example.com","password":"altitude-demo"}',
    });
    expectProblem(res, 415);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a form-encoded body is a 415 problem too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: login,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=sales%40example.com&password=altitude-demo',
    });
    expectProblem(res, 415);
  });

  it('a body over 1 MB is a 413 problem', async () => {
    const payload = JSON.stringify({ email: 'sales@example.com', password: 'x'.repeat(1024 * 1024) });
    expect(Buffer.byteLength(payload)).toBeGreaterThan(1024 * 1024);
    const body = expectProblem(await postJson(payload), 413);
    expect(body.title).toBe('Payload too large');
  });

  it('a signed-out call to a signed-in route is a 401 problem', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/api/users' }), 401);
    expect(body.code).toBe('auth.required');
  });

  it('no error body ever carries a stack trace', async () => {
    const responses = await Promise.all([
      postJson('{"email": '),
      postJson('[1, 2'),
      postJson({ email: 'x', password: 1, extra: { stack: 'x' } }),
      postJson('x'.repeat(1024 * 1024 + 10)),
      t.app.inject({ method: 'POST', url: login, headers: { 'content-type': 'text/plain' }, payload: 'hi' }),
      t.app.inject({ method: 'GET', url: '/api/nope' }),
      t.app.inject({ method: 'GET', url: '/api/auth/me' }),
      t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'altitude_session=%E0%A4%A' } }),
      t.app.inject({ method: 'POST', url: login, headers: { 'content-type': 'application/json', 'content-length': '5' }, payload: '{}' }),
    ]);
    for (const res of responses) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).not.toMatch(/"stack"/);
      expectNoStackTrace(res);
    }
  });
});
