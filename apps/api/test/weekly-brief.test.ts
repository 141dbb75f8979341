import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import type { Headline, InsightList } from '@altitude/shared/insights';
import { settings, users } from '../src/db/schema';
import { notificationSettings } from '../src/db/schema-notifications';
import { handClock } from './account-fixtures';
import { createTestApp, demoToday, type TestApp } from './harness';
import { addNotification, linksIn, notificationRow, requestOf, userIdOf } from './mail-fixtures';
import { ok, signIn, type Caller } from './request-helpers';
import { startSmtpSink } from './smtp-sink';

const publicUrl = 'https://altitude.example.com';
const recipient = (m: ParsedMail) => (m.to && !Array.isArray(m.to) ? m.to.text : '');
const percent = (share: number) => `${Math.round(share * 100)} %`;

describe('the weekly CMO brief and the unsubscribe link', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let cmo: Caller;
  // Friday 20 November (demo day); the brief goes out on Monday 23 November, 08:00 New York time.
  const clock = handClock(demoToday);
  const channel = (userId: number, kind: string) =>
    t.app.db
      .select({ channel: notificationSettings.channel })
      .from(notificationSettings)
      .where(and(eq(notificationSettings.userId, userId), eq(notificationSettings.kind, kind as 'assigned')))
      .get()?.channel;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ now: clock.now, mail: { smtp: { url: sink.url, from: 'altitude@example.com' }, publicUrl } });
    t.app.db.update(settings).set({ value: 'America/New_York' }).where(eq(settings.key, 'timezone')).run();
  });
  afterAll(async () => {
    await t.app.close();
    await sink.close();
  });

  it('goes on Monday at 08:00 company time to enabled insights readers who want it, with the headline, three insights and a link', async () => {
    // A second Executive reader who switched the brief off, a disabled lead, a marketer: none get it.
    const db = t.app.db;
    const exec = userIdOf(db, 'exec@example.com');
    db.update(users).set({ canViewInsights: true }).where(eq(users.email, 'ana.cs@example.com')).run();
    db.insert(notificationSettings)
      .values({ userId: userIdOf(db, 'ana.cs@example.com'), kind: 'weekly_brief', channel: 'off' })
      .run();
    db.update(users).set({ role: 'lead', active: false }).where(eq(users.email, 'omar.marketing@example.com')).run();

    clock.advanceMinutes((new Date('2026-11-23T12:59:00Z').getTime() - clock.now().getTime()) / 60_000);
    expect(t.app.scheduler.tick().brief).toBeNull(); // 07:59 in New York: still last week's slot (the seed's)
    clock.advanceMinutes(1);
    expect(t.app.scheduler.tick().brief).toBe(2);
    await t.app.mailer.runDue();
    const mails = await sink.arrived(2);
    expect(mails.map(recipient).sort()).toEqual(['cmo@example.com', 'exec@example.com']);
    expect(t.app.scheduler.tick().brief).toBeNull();

    // The figures, read independently through the API the Insights page uses.
    cmo = await signIn(t, 'cmo@example.com');
    const week = ok<Headline>(await cmo.get('/api/reports/headline?from=2026-11-16&to=2026-11-22'));
    const quarter = ok<Headline>(await cmo.get('/api/reports/headline?from=2026-10-01&to=2026-11-22'));
    const insights = ok<InsightList>(await cmo.get('/api/reports/insights?from=2026-10-26&to=2026-11-22')).items.slice(0, 3);
    expect(insights).toHaveLength(3);
    const mail = mails.find((m) => recipient(m) === 'cmo@example.com')!;
    expect(mail.subject).toBe(`Weekly brief: ${percent(week.strategicShare)} strategic last week (target ${percent(week.target!)})`);
    const text = mail.text!;
    expect(text).toContain(
      `Last week (16 Nov – 22 Nov): ${percent(week.strategicShare)} of ${Math.round(week.loggedMinutes / 60)} logged hours strategic, against a ${percent(week.target!)} target`,
    );
    expect(text).toContain(`Quarter to date (1 Oct – 22 Nov): ${percent(quarter.strategicShare)} of`);
    insights.forEach((insight, i) => expect(text).toContain(`${i + 1}. ${insight.text}`));
    expect(linksIn(text)).toContain(`${publicUrl}/insights`);
    const html = mail.html as string;
    expect(html).toContain(`href="${publicUrl}/insights"`);
    expect(html).toMatch(/<table role="presentation"/);
    expect(html).toContain('Weekly brief, Monday 23 Nov');
    const unsubscribe = linksIn(text).find((l) => l.includes('/unsubscribe?'))!;
    expect(unsubscribe).toMatch(
      new RegExp(`^${publicUrl}/unsubscribe\\?u=${userIdOf(db, 'cmo@example.com')}&k=weekly_brief&sig=[\\w-]{43}$`),
    );
    expect(mails.find((m) => recipient(m) === 'exec@example.com')!.text).toContain(`u=${exec}&k=weekly_brief`);
  });

  it('the signed link asks on GET (changing nothing), unsubscribes on POST, and refuses a changed signature', async () => {
    const cmoId = userIdOf(t.app.db, 'cmo@example.com');
    const link = linksIn(sink.received.find((m) => recipient(m) === 'cmo@example.com')!.text!).find((l) => l.includes('/unsubscribe?'))!;
    const path = link.slice(publicUrl.length);

    const page = await t.app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('Stop getting the weekly CMO brief by email at cmo@example.com?');
    expect(page.body).toContain('<form method="post"');
    // Under the app's no-referrer a browser would post the form with `Origin: null`, which the cross-site defence refuses.
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(channel(cmoId, 'weekly_brief')).toBeUndefined(); // a mail scanner following the link changes nothing

    // Another kind or another person with this signature, a cut signature, nothing: 400 pages.
    for (const bad of [
      path.replace('k=weekly_brief', 'k=digest'),
      path.replace(`u=${cmoId}`, `u=${cmoId + 1}`),
      path.slice(0, -1),
      '/unsubscribe',
    ]) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await t.app.inject({ method, url: bad, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
        expect(res.statusCode, `${method} ${bad}`).toBe(400);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.body).toContain('This unsubscribe link is not valid');
      }
    }
    expect(channel(cmoId, 'weekly_brief')).toBeUndefined();

    // The page's button: a same-origin form post, no session needed.
    const done = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
      payload: '',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('You will no longer get the weekly CMO brief by email.');
    expect(channel(cmoId, 'weekly_brief')).toBe('in_app');
    // Only that kind: mentions and the digest still come by email.
    expect(channel(cmoId, 'mentioned')).toBeUndefined();

    // The next Monday, no brief for the CMO; the Executive still gets hers.
    clock.advanceMinutes(7 * 24 * 60);
    expect(t.app.scheduler.tick().brief).toBe(1);
    await t.app.mailer.runDue();
    expect(recipient((await sink.arrived(3))[2]!)).toBe('exec@example.com');
  });

  it("a mail client's one-click unsubscribe (RFC 8058) stops the kind at once, even for notifications already waiting", async () => {
    const marketer = userIdOf(t.app.db, 'marketer@example.com');
    addNotification(t.app.db, {
      userId: marketer,
      kind: 'mentioned',
      requestId: requestOf(t.app.db, 'Sales').id,
      text: 'First mention',
      mail: 'immediate',
      at: clock.now(),
    });
    clock.advanceMinutes(3);
    expect(t.app.scheduler.tick().batches).toBe(1);
    await t.app.mailer.runDue();
    const mail = (await sink.arrived(4))[3]!;
    const header = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    const url = /<([^>]+)>/.exec(header)![1]!;
    expect(url).toBe(linksIn(mail.text!).find((l) => l.includes('/unsubscribe?')));

    const waiting = addNotification(t.app.db, {
      userId: marketer,
      kind: 'assigned',
      requestId: requestOf(t.app.db, 'Sales').id,
      text: 'Waiting',
      mail: 'immediate',
      at: clock.now(),
    });
    // The provider's server posts from elsewhere: no Origin, no cookie.
    const res = await t.app.inject({
      method: 'POST',
      url: url.slice(publicUrl.length),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(['assigned', 'mentioned', 'needs_info'].map((k) => channel(marketer, k))).toEqual(['in_app', 'in_app', 'in_app']);
    expect(channel(marketer, 'commented')).toBeUndefined();
    // A browser on another site posting the link is refused like any cross-site write.
    expect(
      (await t.app.inject({ method: 'POST', url: url.slice(publicUrl.length), headers: { origin: 'https://evil.example' } })).statusCode,
    ).toBe(403);

    clock.advanceMinutes(3);
    expect(t.app.scheduler.tick().batches).toBe(0);
    expect(notificationRow(t.app.db, waiting)).toMatchObject({ mail: 'none', messageId: null });
  });
});
