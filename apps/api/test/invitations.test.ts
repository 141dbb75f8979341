import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { CreatedInvitation, InvitationList } from '@altitude/shared/invitations';
import type { OutboxList } from '@altitude/shared/outbox';
import { departments, users } from '../src/db/schema';
import { invitations } from '../src/db/schema-notifications';
import { addPerson, handClock } from './account-fixtures';
import { createTestApp, type TestAppOptions } from './harness';
import { expectProblem } from './problem-assertions';
import { startSmtpSink } from './smtp-sink';

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `altitude_session=${res.cookies.find((c) => c.name === 'altitude_session')!.value}`;

/** A baseline app with one lead, signed in, on a clock the test moves. */
async function setUp(mail?: TestAppOptions['mail']) {
  const clock = handClock();
  const t = await createTestApp({ seed: 'baseline', now: clock.now, mail });
  await addPerson(t, 'lead@example.com', 'lead password 1', 'lead');
  const signInLead = async () =>
    cookieOf(
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'lead@example.com', password: 'lead password 1' } }),
    );
  let lead = await signInLead();
  const sales = t.app.db
    .select()
    .from(departments)
    .all()
    .find((d) => d.name === 'Sales')!.id;
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, cookie: string | null = lead) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const invite = (email: string, extra: object = {}) =>
    call('POST', '/api/invitations', { email, name: 'Rosa Field', role: 'requester', departmentId: sales, ...extra });
  const accept = (token: string, password = 'rosa chooses this 1') => call('POST', '/api/invitations/accept', { token, password }, null);
  const lookup = (token: string) => call('GET', `/api/invitations/lookup?token=${encodeURIComponent(token)}`, undefined, null);
  /** After the clock jumped days ahead, the lead's session has gone idle: sign in again. */
  const freshLead = async () => void (lead = await signInLead());
  return { t, clock, sales, call, invite, accept, lookup, freshLead };
}

describe('invitations by link, without a mail server', () => {
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(() => s.t.app.close());

  it('a lead invites; the person reads whom the link is for, chooses a password and is signed in with the invited role', async () => {
    const res = await s.invite('Rosa@Example.com', { role: 'marketer', canViewInsights: true });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<CreatedInvitation>();
    expect(created).toMatchObject({
      email: 'rosa@example.com',
      name: 'Rosa Field',
      role: 'marketer',
      departmentId: s.sales,
      canViewInsights: true,
    });
    // Seven days from the hand clock's 2026-11-20 09:00.
    expect(created.expiresAt).toBe('2026-11-27T09:00:00.000Z');
    expect(created.link).toMatch(/^http:\/\/localhost(:\d+)?\/invitations\/accept\?token=[\w-]{43}$/);
    const token = tokenOf(created.link!);

    // The link is in the outbox for the lead to pass on; the database holds only its hash.
    const outbox = (await s.call('GET', '/api/outbox')).json<OutboxList>();
    expect(outbox.items.map((m) => [m.to, m.kind, m.status])).toEqual([['rosa@example.com', 'invitation', 'kept']]);
    expect(outbox.items[0]!.text).toContain(created.link);
    const row = s.t.app.db.select().from(invitations).where(eq(invitations.id, created.id)).get()!;
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);

    expect((await s.call('GET', '/api/invitations')).json<InvitationList>().items.map((i) => i.email)).toEqual(['rosa@example.com']);
    expect((await s.lookup(token)).json()).toEqual({
      email: 'rosa@example.com',
      name: 'Rosa Field',
      expiresAt: '2026-11-27T09:00:00.000Z',
    });

    // The server's password policy, as for a reset: a common password is refused and spends nothing.
    expect(expectProblem(await s.accept(token, 'password123'), 422).errors).toEqual([{ path: 'password', message: expect.any(String) }]);
    const accepted = await s.accept(token);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().user).toMatchObject({
      email: 'rosa@example.com',
      role: 'marketer',
      departmentId: s.sales,
      canViewInsights: true,
    });
    const me = await s.call('GET', '/api/auth/me', undefined, cookieOf(accepted));
    expect(me.json().user.email).toBe('rosa@example.com');
    // The chosen password works for a later sign-in; the lead never saw it anywhere.
    const again = await s.t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'rosa@example.com', password: 'rosa chooses this 1' },
    });
    expect(again.statusCode).toBe(200);

    // Spent: the link is gone, the list is empty, a second accept creates nothing.
    expect(expectProblem(await s.lookup(token), 410).code).toBe('invitation.gone');
    expect(expectProblem(await s.accept(token), 410).code).toBe('invitation.gone');
    expect((await s.call('GET', '/api/invitations')).json<InvitationList>().items).toEqual([]);
    expect(s.t.app.db.select().from(users).where(eq(users.email, 'rosa@example.com')).all()).toHaveLength(1);
  });

  it('an email that already has an account is refused with 409 naming email, and nothing is sent', async () => {
    const before = (await s.call('GET', '/api/outbox')).json<OutboxList>().items.length;
    const problem = expectProblem(await s.invite('lead@example.com'), 409);
    expect(problem.errors).toEqual([{ path: 'email', message: expect.any(String) }]);
    expect((await s.call('GET', '/api/outbox')).json<OutboxList>().items).toHaveLength(before);
  });

  it('an unknown department is refused with 422 naming departmentId', async () => {
    expect(expectProblem(await s.invite('dept@example.com', { departmentId: 999 }), 422).errors).toEqual([
      { path: 'departmentId', message: expect.any(String) },
    ]);
  });

  it('re-inviting a pending email replaces the invitation: the first link stops working', async () => {
    const first = (await s.invite('tom@example.com')).json<CreatedInvitation>();
    const second = (await s.invite('tom@example.com', { name: 'Tom Again' })).json<CreatedInvitation>();
    expect(second.id).not.toBe(first.id);
    expect((await s.call('GET', '/api/invitations')).json<InvitationList>().items.map((i) => [i.email, i.name])).toEqual([
      ['tom@example.com', 'Tom Again'],
    ]);
    expectProblem(await s.lookup(tokenOf(first.link!)), 410);
    expect((await s.accept(tokenOf(second.link!))).statusCode).toBe(201);
  });

  it('a revoked link is gone (410); revoking it again is a 404', async () => {
    const created = (await s.invite('uma@example.com')).json<CreatedInvitation>();
    expect((await s.call('DELETE', `/api/invitations/${created.id}`)).statusCode).toBe(204);
    expectProblem(await s.lookup(tokenOf(created.link!)), 410);
    expectProblem(await s.accept(tokenOf(created.link!)), 410);
    expectProblem(await s.call('DELETE', `/api/invitations/${created.id}`), 404);
    expect(s.t.app.db.select().from(users).where(eq(users.email, 'uma@example.com')).all()).toEqual([]);
  });

  it('an unknown token is a 404; a link past its seven days is a 410 and leaves the pending list', async () => {
    expect(expectProblem(await s.lookup('not-a-real-token'), 404).code).toBe('invitation.not_found');
    expectProblem(await s.accept('not-a-real-token'), 404);
    const created = (await s.invite('vic@example.com')).json<CreatedInvitation>();
    s.clock.advanceMinutes(7 * 24 * 60 - 1);
    expect((await s.lookup(tokenOf(created.link!))).statusCode).toBe(200);
    s.clock.advanceMinutes(1);
    expectProblem(await s.lookup(tokenOf(created.link!)), 410);
    expectProblem(await s.accept(tokenOf(created.link!)), 410);
    await s.freshLead();
    expect((await s.call('GET', '/api/invitations')).json<InvitationList>().items.map((i) => i.email)).not.toContain('vic@example.com');
  });

  it('a burst of concurrent accepts on one link creates exactly one account', async () => {
    const created = (await s.invite('wes@example.com')).json<CreatedInvitation>();
    const token = tokenOf(created.link!);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => s.accept(token, `wes password number ${i}`)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 410, 410, 410, 410, 410, 410, 410]);
    expect(s.t.app.db.select().from(users).where(eq(users.email, 'wes@example.com')).all()).toHaveLength(1);
  });
});

describe('invitations with a mail server', () => {
  it('the invitation arrives by SMTP with a PUBLIC_URL link the lead is not shown, and the link works', async () => {
    const sink = await startSmtpSink();
    const s = await setUp({ smtp: { url: sink.url, from: 'Altitude <altitude@example.com>' }, publicUrl: 'https://altitude.example.com' });
    try {
      const res = await s.invite('xia@example.com');
      expect(res.statusCode).toBe(201);
      expect(res.json()).not.toHaveProperty('link');
      const [mail] = await sink.arrived(1);
      expect(mail!.subject).toBe('You are invited to Altitude');
      expect((mail!.to as { text: string }).text).toBe('xia@example.com');
      const link = /https:\/\/altitude\.example\.com\/invitations\/accept\?token=[\w-]{43}/.exec(mail!.text ?? '')?.[0];
      expect(link).toBeDefined();
      expect((await s.accept(tokenOf(link!))).statusCode).toBe(201);
    } finally {
      await s.t.app.close();
      await sink.close();
    }
  });
});
