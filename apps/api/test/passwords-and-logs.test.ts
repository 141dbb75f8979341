import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { seedDemo } from '../src/db/seed/demo';
import { createTestApp, demoToday, type TestApp } from './harness';

describe('passwords a lead sets when inviting', () => {
  let t: TestApp;
  let lead: string;
  let departmentId: number;
  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.login('cmo@example.com');
    departmentId = (await t.app.inject({ method: 'GET', url: '/api/departments', headers: { cookie: lead } })).json<{
      items: { id: number }[];
    }>().items[0]!.id;
  });
  afterAll(() => t.app.close());

  const invite = (password: string, n: number) =>
    t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: lead },
      payload: { email: `pw${n}@example.com`, name: `Pw ${n}`, role: 'marketer', departmentId, password },
    });

  it('accepts 8 to at least 64 characters, and the invited person can sign in with it', async () => {
    const passwords = ['k7#mQ2!x', 'a'.repeat(20) + 'Zq9!', 'long passphrase '.repeat(4), 'x9$'.repeat(40)];
    expect(passwords.map((p) => p.length)).toEqual([8, 24, 64, 120]);
    for (const [i, password] of passwords.entries()) {
      expect((await invite(password, i)).statusCode).toBe(201);
      await t.login(`pw${i}@example.com`, password);
    }
  });

  it('refuses fewer than 8 characters and the most common passwords, naming the field', async () => {
    for (const [i, password] of ['short7!', 'password123', 'Password1', '12345678', 'qwerty123'].entries()) {
      const res = await invite(password, 100 + i);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain('password');
    }
  });
});

describe('security logs', () => {
  const lines: string[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-logs-'));
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({ databasePath: path.join(dir, 'logs.db'), logger: { level: 'info', stream } });
    await seedDemo(app.db, demoToday);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('record sign-ins, failures, refusals and lockouts without passwords or session tokens', async () => {
    const secret = 'not-the-right-one-42';
    for (let i = 0; i < 6; i++)
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'sales@example.com', password: secret } });
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'marketer@example.com', password: 'altitude-demo' },
    });
    const token = ok.cookies.find((c) => c.name === 'altitude_session')!.value;
    await app.inject({ method: 'GET', url: '/api/reports/headline', headers: { cookie: `altitude_session=${token}` } });

    const log = lines.join('');
    expect(log).toContain('sign-in failed');
    expect(log).toContain('too many failures');
    expect(log).toContain('signed in');
    expect(log).toContain('authorisation denied');
    expect(log).not.toContain(secret);
    expect(log).not.toContain('altitude-demo');
    expect(log).not.toContain(token);
  });
});
