import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { loginThrottle, users } from '../src/db/schema';
import { createTestApp, demoToday, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { repoRoot } from './server-process';

/**
 * Issue 9, item 8: an email is at most 254 characters (RFC 5321) wherever one is taken, after
 * trimming and lower-casing; a longer one is a 400 naming `email` and nothing is stored for it
 * (sign-in used to store any length in the throttle table).
 */

/** A syntactically valid address of exactly `length` characters: 64-character local part, labels of at most 63. */
function emailOfLength(length: number) {
  const labels = length - 64 - 1 - '.com'.length - 2; // characters left for three labels and their two dots
  return `${'a'.repeat(64)}@${'d'.repeat(labels - 2 * 61)}.${'e'.repeat(61)}.${'f'.repeat(61)}.com`;
}

const tooLong = [
  ['255 characters', emailOfLength(255)],
  ['900,000 characters', `${'x'.repeat(900_000)}@example.com`],
  ['255 characters after trimming, in capitals', `  ${emailOfLength(255).toUpperCase()}  `],
] as const;
const lengthError = [{ path: 'email', message: 'must be at most 254 characters' }];

describe('emails are at most 254 characters', () => {
  let t: TestApp;
  let lead: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => demoToday });
    lead = await t.login('cmo@example.com');
  });
  afterAll(() => t.app.close());

  const throttleRows = () => t.app.db.select({ n: count() }).from(loginThrottle).get()!.n;
  const userRows = () => t.app.db.select({ n: count() }).from(users).get()!.n;
  const invite = (email: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: lead },
      payload: { email, name: 'Long Address', role: 'requester', departmentId: 1, password: 'a-sound-passphrase' },
    });

  it('the helper builds addresses of the length asked for', () => {
    expect(emailOfLength(254)).toHaveLength(254);
    expect(emailOfLength(255)).toHaveLength(255);
  });

  it.each(tooLong)('signing in with an email of %s is a 400 naming `email`, and writes no throttle row', async (_label, email) => {
    const before = throttleRows();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'whatever-password' },
      remoteAddress: '10.4.0.1',
    });
    expect(expectProblem(res, 400).errors).toEqual(lengthError);
    expect(throttleRows()).toBe(before);
  });

  it('signing in with an email of exactly 254 characters (spaces and case aside) is checked like any other', async () => {
    const email = emailOfLength(254);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `  ${email.toUpperCase()} `, password: 'whatever-password' },
      remoteAddress: '10.4.0.2',
    });
    expectProblem(res, 401);
    expect(
      t.app.db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, `account:${email}`))
        .get(),
    ).toBeDefined();
  });

  it.each(tooLong)('inviting a person with an email of %s is a 400 naming `email`, and adds nobody', async (_label, email) => {
    const before = userRows();
    expect(expectProblem(await invite(email), 400).errors).toEqual(lengthError);
    expect(userRows()).toBe(before);
  });

  it('inviting a person with an email of exactly 254 characters stores it trimmed and in lower case', async () => {
    const email = emailOfLength(254);
    const res = await invite(` ${email.toUpperCase()}  `);
    expect(res.statusCode).toBe(201);
    expect(res.json().email).toBe(email);
  });

  it('the user:create command refuses an email over 254 characters and creates nobody', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-email-cli-'));
    try {
      const res = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(repoRoot, 'apps/api/src/cli/user-create.ts'),
          '--email',
          emailOfLength(255),
          '--name',
          'Long',
          '--password',
          'a-sound-passphrase',
        ],
        {
          cwd: repoRoot,
          env: { ...process.env, DATABASE_PATH: path.join(dir, 'cli.db') },
          encoding: 'utf8',
        },
      );
      expect(res.status).toBe(2);
      expect(res.stderr).toContain('Email must be at most 254 characters');
      expect(fs.existsSync(path.join(dir, 'cli.db'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
