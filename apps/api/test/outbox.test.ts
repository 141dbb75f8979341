import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxList } from '@altitude/shared/outbox';
import { addPerson, handClock } from './account-fixtures';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { deadSmtpUrl } from './smtp-sink';

async function leadCookie(t: TestApp) {
  await addPerson(t, 'lead@example.com', 'lead password 1', 'lead');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'lead@example.com', password: 'lead password 1' },
  });
  return `altitude_session=${res.cookies.find((c) => c.name === 'altitude_session')!.value}`;
}

describe('the outbox without an SMTP server', () => {
  let t: TestApp;
  let cookie: string;
  const outbox = async (query = '') => (await t.app.inject({ url: `/api/outbox${query}`, headers: { cookie } })).json<OutboxList>();

  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline' });
    cookie = await leadCookie(t);
    await addPerson(t, 'ana@example.com', 'ana password 1');
    await addPerson(t, 'ben@example.com', 'ben password 1');
  });
  afterAll(() => t.app.close());

  it('keeps each message for a lead to read, with the link to the origin the request came from', async () => {
    for (const email of ['ana@example.com', 'ben@example.com']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/reset-request',
        headers: { host: 'tracker.example.com:8080' },
        payload: { email },
      });
      expect(res.statusCode).toBe(202);
    }
    await t.app.mailer.runDue(); // nothing to send: kept messages stay kept
    const { items, nextCursor } = await outbox();
    expect(nextCursor).toBeNull();
    expect(items.map((m) => [m.to, m.status, m.kind, m.attempts])).toEqual([
      ['ben@example.com', 'kept', 'password_reset', 0],
      ['ana@example.com', 'kept', 'password_reset', 0],
    ]);
    expect(items[1]!.subject).toBe('Reset your Altitude password');
    expect(items[1]!.text).toMatch(/^http:\/\/tracker\.example\.com:8080\/reset\?token=[\w-]{43}$/m);
    expect(items[0]).not.toHaveProperty('html');
  });

  it('pages newest first with limit and cursor', async () => {
    const first = await outbox('?limit=1');
    expect(first.items.map((m) => m.to)).toEqual(['ben@example.com']);
    expect(first.nextCursor).toBe(String(first.items[0]!.id));
    const second = await outbox(`?limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((m) => m.to)).toEqual(['ana@example.com']);
    expect(second.nextCursor).toBeNull();
    expectProblem(await t.app.inject({ url: '/api/outbox?cursor=abc', headers: { cookie } }), 400);
  });

  it('is for leads only', async () => {
    const ana = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ana@example.com', password: 'ana password 1' },
    });
    const anaCookie = `altitude_session=${ana.cookies.find((c) => c.name === 'altitude_session')!.value}`;
    expectProblem(await t.app.inject({ url: '/api/outbox', headers: { cookie: anaCookie } }), 403);
  });
});

describe('sending while the SMTP server is down', () => {
  let t: TestApp;
  let cookie: string;
  const clock = handClock();
  const only = async () => (await t.app.inject({ url: '/api/outbox', headers: { cookie } })).json<OutboxList>().items[0]!;

  beforeAll(async () => {
    t = await createTestApp({
      seed: 'baseline',
      now: clock.now,
      mail: { smtp: { url: await deadSmtpUrl(), from: 'altitude@example.com' }, publicUrl: null },
    });
    cookie = await leadCookie(t);
    await addPerson(t, 'cleo@example.com', 'cleo password 1');
  });
  afterAll(() => t.app.close());

  it('retries after 1, 5, 25 and 125 minutes, then shows the message as failed with its error', async () => {
    const start = clock.now().getTime();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/reset-request', payload: { email: 'cleo@example.com' } });
    // The answer does not wait for the mail server.
    expect(res.statusCode).toBe(202);
    await t.app.mailer.runDue();
    let m = await only();
    expect([m.status, m.attempts]).toEqual(['queued', 1]);
    expect(m.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(m.nextAttemptAt).toBe(new Date(start + 1 * 60_000).toISOString());

    // Not due yet: nothing is tried.
    clock.advanceMinutes(0.5);
    await t.app.mailer.runDue();
    expect((await only()).attempts).toBe(1);

    // Due times after each failure, from the attempt's time: +1, +5, +25, +125 minutes.
    const waits = [0.5, 5, 25, 125];
    for (const [i, wait] of waits.entries()) {
      clock.advanceMinutes(wait);
      await t.app.mailer.runDue();
      m = await only();
      expect(m.attempts).toBe(i + 2);
      if (i + 2 < 5) {
        expect(m.status).toBe('queued');
        expect(m.nextAttemptAt).toBe(new Date(clock.now().getTime() + [5, 25, 125][i]! * 60_000).toISOString());
      }
    }
    expect(m.status).toBe('failed');
    expect(m.nextAttemptAt).toBeNull();
    expect(m.sentAt).toBeNull();
    expect(m.lastError).toMatch(/ECONNREFUSED|connect/i);

    // Failed for good: no further attempts however long one waits.
    clock.advanceMinutes(6 * 60);
    await t.app.mailer.runDue();
    expect((await only()).attempts).toBe(5);
  });
});
