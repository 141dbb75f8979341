import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type AppOptions } from '../src/app';
import type { Limits } from '../src/limits';
import { seedBaseline } from '../src/db/seed/baseline';
import { seedDemo } from '../src/db/seed/demo';
import { demoPassword } from '../src/db/seed/demo-catalog';

/** The day the demo data ends in tests, so figures do not move with the calendar. */
export const demoToday = new Date('2026-11-20T12:00:00.000Z');

export interface TestAppOptions {
  seed?: 'demo' | 'baseline';
  now?: () => Date;
  limits?: Partial<Limits>;
  /** Folder of a (fake) built web app to serve (pages are static files read on libuv's thread pool). */
  webRoot?: string;
  trustProxy?: AppOptions['trustProxy'];
  /** SMTP settings and PUBLIC_URL; without them messages are kept in the outbox. */
  mail?: AppOptions['mail'];
  /**
   * The mail schedule; off unless a test asks, so no job writes to a test's database on its own
   * timer (tests that want it call `app.scheduler.tick()` on their hand clock).
   */
  schedule?: AppOptions['schedule'];
  /** Single sign-on settings; absent: not configured. */
  oidc?: AppOptions['oidc'];
  /** Moves and filings on the writer thread, as the server runs them; absent: on the main thread. */
  writerThread?: boolean;
}

/** The real app on a real SQLite file in a temp folder, removed on close. */
export async function createTestApp({
  seed = 'demo',
  now,
  limits,
  webRoot,
  trustProxy,
  mail,
  schedule,
  oidc,
  writerThread = process.env.TEST_WRITER === '1',
}: TestAppOptions = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-test-'));
  const app = await buildApp({
    databasePath: path.join(dir, 'test.db'),
    now,
    limits,
    webRoot,
    trustProxy,
    mail,
    schedule: { enabled: false, ...schedule },
    oidc,
    writerThread,
  });
  if (seed === 'demo') await seedDemo(app.db, demoToday);
  else seedBaseline(app.db);
  app.addHook('onClose', async () => fs.rmSync(dir, { recursive: true, force: true }));
  await app.ready();

  /** Signs in and returns the Cookie header value for later requests. */
  async function login(email: string, password = demoPassword): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'altitude_session');
    if (!cookie) throw new Error('no session cookie');
    return `altitude_session=${cookie.value}`;
  }
  return { app, login, dir };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
