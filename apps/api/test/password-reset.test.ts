import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OutboxList } from '@altitude/shared/outbox';
import { messages } from '../src/db/schema';
import { addPerson, handClock } from './account-fixtures';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { startSmtpSink } from './smtp-sink';

/**
 * Password reset by email, delivered through a real SMTP server started here and read back with
 * mailparser: the link arrives, works once, and nothing tells a stranger whether an account exists.
 */
describe('password reset by email', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const clock = handClock();
  const post = (url: string, payload: unknown, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, remoteAddress });
  const login = (email: string, password: string) => post('/api/auth/login', { email, password });
  const tokenOf = (text: string) => /http:\/\/altitude\.test\/reset\?token=([\w-]+)/.exec(text)?.[1];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({
      seed: 'baseline',
      now: clock.now,
      mail: { smtp: { url: smtp.url, from: 'Altitude <altitude@example.com>' }, publicUrl: 'http://altitude.test' },
    });
    await addPerson(t, 'rita@example.com', 'first password 1');
    await addPerson(t, 'lead@example.com', 'lead password 1', 'lead');
  });
  afterAll(async () => {
    await t.app.close();
    await smtp.close();
  });

  it('emails a link to the person, which sets a new password once and ends their sessions', async () => {
    const session = (await login('rita@example.com', 'first password 1')).cookies.find((c) => c.name === 'altitude_session')!;

    const res = await post('/api/auth/reset-request', { email: 'Rita@Example.com' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });

    const [mail] = await smtp.arrived(1);
    expect(mail!.subject).toBe('Reset your Altitude password');
    expect(mail!.to && 'text' in mail!.to ? mail!.to.text : null).toBe('rita@example.com');
    expect(mail!.from?.text).toBe('"Altitude" <altitude@example.com>');
    const token = tokenOf(mail!.text ?? '');
    expect(token).toMatch(/^[\w-]{43}$/); // 32 random bytes in base64url
    // The HTML part carries the same link.
    expect(String(mail!.html)).toContain(`href="http://altitude.test/reset?token=${token}"`);

    expect((await post('/api/auth/reset', { token, newPassword: 'second password 2' })).statusCode).toBe(204);
    expect((await login('rita@example.com', 'second password 2')).statusCode).toBe(200);
    expect((await login('rita@example.com', 'first password 1')).statusCode).toBe(401);
    // The session from before the reset is over.
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `altitude_session=${session.value}` } });
    expectProblem(me, 401);
    // Used once: a second use is refused, naming the token.
    const again = expectProblem(await post('/api/auth/reset', { token, newPassword: 'third password 3' }), 400);
    expect(again.errors).toEqual([{ path: 'token', message: expect.any(String) }]);
    expect((await login('rita@example.com', 'second password 2')).statusCode).toBe(200);
  });

  it('answers an unknown email exactly like a known one, and mails nobody', async () => {
    const sent = smtp.received.length;
    const rows = t.app.db.select().from(messages).all().length;
    const res = await post('/api/auth/reset-request', { email: 'nobody-here@example.com' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });
    await t.app.mailer.runDue();
    expect(t.app.db.select().from(messages).all().length).toBe(rows);
    expect(smtp.received.length).toBe(sent);
  });

  it('a link expires after 30 minutes, and a newer link replaces an older one', async () => {
    await addPerson(t, 'sam@example.com', 'sam password 1');
    const received = smtp.received.length;
    await post('/api/auth/reset-request', { email: 'sam@example.com' });
    await post('/api/auth/reset-request', { email: 'sam@example.com' });
    const mails = await smtp.arrived(received + 2);
    const [older, newer] = mails.slice(received).map((m) => tokenOf(m.text ?? ''));
    expect(older).not.toBe(newer);
    expectProblem(await post('/api/auth/reset', { token: older, newPassword: 'sam password 2' }), 400);

    // A weak password is refused naming it, and the link still works afterwards.
    const weak = expectProblem(await post('/api/auth/reset', { token: newer, newPassword: 'password' }), 422);
    expect(weak.errors).toEqual([{ path: 'newPassword', message: expect.any(String) }]);

    clock.advanceMinutes(30);
    expectProblem(await post('/api/auth/reset', { token: newer, newPassword: 'sam password 2' }), 400);
    expect((await login('sam@example.com', 'sam password 1')).statusCode).toBe(200);
  });

  it('an unknown token is refused with problem+json naming the token', async () => {
    const problem = expectProblem(await post('/api/auth/reset', { token: 'not-a-token', newPassword: 'whatever password 1' }), 400);
    expect(problem.errors).toEqual([{ path: 'token', message: expect.any(String) }]);
  });

  it('past three requests for one email, no more mail is written, yet the answer stays 202', async () => {
    clock.advanceMinutes(16); // a fresh window
    await addPerson(t, 'tess@example.com', 'tess password 1');
    const before = t.app.db.select().from(messages).all().length;
    for (let i = 0; i < 5; i++) {
      const res = await post('/api/auth/reset-request', { email: 'tess@example.com' }, `10.0.0.${i + 1}`);
      expect(res.statusCode).toBe(202);
    }
    expect(t.app.db.select().from(messages).all().length - before).toBe(3);
  });

  it('past twenty requests from one address it answers 429, for known and unknown emails alike', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await post('/api/auth/reset-request', { email: `someone${i}@example.com` }, '10.9.9.9')).statusCode).toBe(202);
    }
    for (const email of ['rita@example.com', 'nobody-at-all@example.com']) {
      const res = await post('/api/auth/reset-request', { email }, '10.9.9.9');
      expect(expectProblem(res, 429).code).toBe('auth.too_many_reset_requests');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('the outbox shows what was sent, newest first, without the HTML bodies', async () => {
    const lead = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'lead@example.com', password: 'lead password 1' },
    });
    const cookie = `altitude_session=${lead.cookies.find((c) => c.name === 'altitude_session')!.value}`;
    const outbox = async () => (await t.app.inject({ url: '/api/outbox', headers: { cookie } })).json<OutboxList>();
    // Sending runs beside the request that wrote the mail: the last reset may still be on its way.
    await vi.waitFor(async () => expect((await outbox()).items.some((m) => m.status === 'queued')).toBe(false), { timeout: 5000 });
    const list = await outbox();
    expect(list.items.length).toBeGreaterThan(3);
    expect(list.items.map((m) => m.id)).toEqual([...list.items.map((m) => m.id)].sort((a, b) => b - a));
    expect(list.items.every((m) => m.status === 'sent' && m.sentAt !== null && m.attempts === 1)).toBe(true);
    expect(list.items[0]).not.toHaveProperty('html');
  });
});
