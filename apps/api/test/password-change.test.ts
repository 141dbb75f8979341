import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson } from './account-fixtures';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';

describe('changing one’s own password', () => {
  let t: TestApp;
  const login = (email: string, password: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });
  const cookieOf = (res: Awaited<ReturnType<typeof login>>) =>
    `altitude_session=${res.cookies.find((c) => c.name === 'altitude_session')!.value}`;
  const change = (cookie: string, payload: Record<string, unknown>, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload, remoteAddress });
  const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline' });
    await addPerson(t, 'dora@example.com', 'dora password 1', 'marketer');
    await addPerson(t, 'eve@example.com', 'eve password 1');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.app.close());

  it('ends every other session (and its live stream) but keeps this one', async () => {
    const laptop = cookieOf(await login('dora@example.com', 'dora password 1'));
    const phone = cookieOf(await login('dora@example.com', 'dora password 1'));
    const { port } = t.app.server.address() as AddressInfo;
    const stream = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http
        .get(`http://127.0.0.1:${port}/api/events`, { headers: { cookie: phone, accept: 'text/event-stream' }, agent: false }, resolve)
        .on('error', reject),
    );
    expect(stream.statusCode).toBe(200);
    const streamClosed = new Promise<void>((resolve) => stream.on('close', resolve).resume());

    const res = await change(laptop, { currentPassword: 'dora password 1', newPassword: 'dora password 2' });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');

    expect((await me(laptop)).statusCode).toBe(200);
    expectProblem(await me(phone), 401);
    await streamClosed;
    expect((await login('dora@example.com', 'dora password 2')).statusCode).toBe(200);
    expect((await login('dora@example.com', 'dora password 1')).statusCode).toBe(401);
  });

  it('refuses a wrong current password naming it, and counts it like a failed sign-in', async () => {
    const cookie = cookieOf(await login('eve@example.com', 'eve password 1', '10.1.1.1'));
    for (let i = 0; i < 5; i++) {
      const problem = expectProblem(await change(cookie, { currentPassword: 'not it', newPassword: 'eve password 2' }, '10.1.1.1'), 422);
      expect(problem.errors).toEqual([{ path: 'currentPassword', message: expect.any(String) }]);
    }
    // Five failures lock the (account, address) pair, as five wrong sign-ins would.
    expectProblem(await login('eve@example.com', 'eve password 1', '10.1.1.1'), 429);
    expectProblem(await change(cookie, { currentPassword: 'eve password 1', newPassword: 'eve password 2' }, '10.1.1.1'), 429);
    // From elsewhere the owner still gets in, with the old password: nothing changed.
    expect((await login('eve@example.com', 'eve password 1', '10.2.2.2')).statusCode).toBe(200);
  });

  it('holds the new password to the password policy, naming newPassword', async () => {
    const cookie = cookieOf(await login('eve@example.com', 'eve password 1', '10.3.3.3'));
    for (const newPassword of ['short', 'password123']) {
      const problem = expectProblem(await change(cookie, { currentPassword: 'eve password 1', newPassword }, '10.3.3.3'), 422);
      expect(problem.errors).toEqual([{ path: 'newPassword', message: expect.any(String) }]);
    }
    expect((await login('eve@example.com', 'eve password 1', '10.3.3.3')).statusCode).toBe(200);
  });

  it('needs a session', async () => {
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'x', newPassword: 'long enough one' } }),
      401,
    );
  });
});
