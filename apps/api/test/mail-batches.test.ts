import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { requests, users } from '../src/db/schema';
import { handClock } from './account-fixtures';
import { createTestApp, demoToday, type TestApp } from './harness';
import { addNotification, linksIn, notificationRow, requestOf, userIdOf } from './mail-fixtures';
import { ok, signIn, tacticalTypeId } from './request-helpers';
import { deadSmtpUrl, startSmtpSink } from './smtp-sink';
import type { OutboxList } from '@altitude/shared/outbox';

const publicUrl = 'https://altitude.example.com';

/** A header as it arrived, unfolded (mailparser turns List-* headers into objects). */
const headerLine = (mail: ParsedMail, key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, ' ');

/** The HTML part's hrefs, entities decoded as a mail client would. */
const hrefsIn = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

describe('immediate notifications: batched per person, sent through a real SMTP server', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let release: () => void = () => undefined;
  let holding = false;
  const clock = handClock(demoToday);

  beforeAll(async () => {
    sink = await startSmtpSink({
      holdAnswer: () => (holding ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()),
    });
    t = await createTestApp({
      now: clock.now,
      mail: { smtp: { url: sink.url, from: 'Altitude <altitude@example.com>' }, publicUrl },
      schedule: { batchMinutes: 3 },
    });
  });
  afterAll(async () => {
    release();
    await t.app.close();
    await sink.close();
  });

  /** Runs the jobs at the clock's time and lets the mailer send what they wrote. */
  const tick = async () => {
    const result = t.app.scheduler.tick();
    await t.app.mailer.runDue();
    return result;
  };
  let sent = 0;
  const nextMail = async (): Promise<ParsedMail> => (await sink.arrived(++sent))[sent - 1]!;

  it('waits for the batch window, then sends one message with every pending item, absolute links and both parts', async () => {
    const marketer = userIdOf(t.app.db, 'marketer@example.com');
    const sales = requestOf(t.app.db, 'Sales');
    const product = requestOf(t.app.db, 'Product');
    const first = addNotification(t.app.db, {
      userId: marketer,
      kind: 'assigned',
      requestId: sales.id,
      text: 'Claire assigned you a request',
      mail: 'immediate',
      at: clock.now(),
    });
    clock.advanceMinutes(1);
    const second = addNotification(t.app.db, {
      userId: marketer,
      kind: 'mentioned',
      requestId: product.id,
      text: 'Priya mentioned you',
      mail: 'immediate',
      at: clock.now(),
    });

    // The oldest has waited two minutes of three: nothing yet.
    clock.advanceMinutes(1);
    expect((await tick()).batches).toBe(0);
    expect(notificationRow(t.app.db, first).messageId).toBeNull();

    clock.advanceMinutes(1);
    expect((await tick()).batches).toBe(1);
    const mail = await nextMail();
    expect(mail.subject).toBe('2 updates on Altitude');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('marketer@example.com');
    expect(mail.text).toContain('Claire assigned you a request');
    expect(mail.text).toContain(`MKT-${sales.id} ${sales.title}`);
    const links = linksIn(mail.text!);
    expect(links).toContain(`${publicUrl}/requests/${sales.id}`);
    expect(links).toContain(`${publicUrl}/requests/${product.id}`);
    expect(hrefsIn(mail.html as string)).toEqual(
      expect.arrayContaining([`${publicUrl}/requests/${sales.id}`, `${publicUrl}/requests/${product.id}`]),
    );
    // The signed unsubscribe link is in both parts and in the List-Unsubscribe header (one-click).
    const unsubscribe = links.find((l) => l.startsWith(`${publicUrl}/unsubscribe?`))!;
    expect(unsubscribe).toMatch(new RegExp(`\\?u=${marketer}&k=notification&sig=[\\w-]{43}$`));
    expect(hrefsIn(mail.html as string)).toContain(unsubscribe);
    expect(headerLine(mail, 'list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribe}>`);
    expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    // Both rows carry the message; the next tick sends nothing again.
    expect(notificationRow(t.app.db, first).messageId).not.toBeNull();
    expect(notificationRow(t.app.db, second).messageId).toBe(notificationRow(t.app.db, first).messageId);
    clock.advanceMinutes(10);
    expect((await tick()).batches).toBe(0);
  });

  it("a single item's sentence is the subject; what someone typed is escaped in the HTML and kept in the text", async () => {
    const product = requestOf(t.app.db, 'Product');
    const title = 'Launch <img src=x onerror=alert(1)> & "teaser"';
    t.app.db.update(requests).set({ title }).where(eq(requests.id, product.id)).run();
    addNotification(t.app.db, {
      userId: userIdOf(t.app.db, 'product@example.com'),
      kind: 'needs_info',
      requestId: product.id,
      text: 'Max asked: <b>which</b>\nregion?',
      mail: 'immediate',
      at: clock.now(),
    });
    clock.advanceMinutes(3);
    await tick();
    const mail = await nextMail();
    expect(mail.subject).toBe('Max asked: <b>which</b> region?');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('product@example.com');
    expect(mail.text).toContain(title);
    const html = mail.html as string;
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>which</b>');
    expect(html).toContain('Launch &lt;img src=x onerror=alert(1)&gt; &amp; &quot;teaser&quot;');
    expect(html).toContain('&lt;b&gt;which&lt;/b&gt;');
  });

  it('re-checks at send time: a request the person may not see is dropped, a disabled account gets nothing', async () => {
    const productPerson = userIdOf(t.app.db, 'product@example.com');
    const sales = requestOf(t.app.db, 'Sales');
    const product = requestOf(t.app.db, 'Product');
    // A requester of Product, told about a Sales request (say they were moved out of Sales since): dropped.
    const hidden = addNotification(t.app.db, {
      userId: productPerson,
      kind: 'mentioned',
      requestId: sales.id,
      text: 'Sam mentioned you on a Sales request',
      mail: 'immediate',
      at: clock.now(),
    });
    const shown = addNotification(t.app.db, {
      userId: productPerson,
      kind: 'assigned',
      requestId: product.id,
      text: 'About your Product request',
      mail: 'immediate',
      at: clock.now(),
    });
    // Only a hidden item for Sam's colleague in Product: no message at all.
    const rajOnlyHidden = addNotification(t.app.db, {
      userId: userIdOf(t.app.db, 'raj.product@example.com'),
      kind: 'mentioned',
      requestId: sales.id,
      text: 'Hidden from Raj',
      mail: 'immediate',
      at: clock.now(),
    });
    // A disabled marketer: nothing.
    const nina = userIdOf(t.app.db, 'nina.marketing@example.com');
    t.app.db.update(users).set({ active: false }).where(eq(users.id, nina)).run();
    const disabled = addNotification(t.app.db, {
      userId: nina,
      kind: 'assigned',
      requestId: product.id,
      text: 'For a disabled account',
      mail: 'immediate',
      at: clock.now(),
    });

    clock.advanceMinutes(3);
    expect((await tick()).batches).toBe(1);
    const mail = await nextMail();
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('product@example.com');
    expect(mail.subject).toBe('About your Product request');
    expect(mail.text).not.toContain('Sales request');
    // Dropped rows stay in the bell but leave the mail queue for good.
    for (const id of [hidden, rajOnlyHidden, disabled])
      expect(notificationRow(t.app.db, id)).toMatchObject({ mail: 'none', messageId: null });
    expect(notificationRow(t.app.db, shown).messageId).not.toBeNull();
    clock.advanceMinutes(5);
    expect((await tick()).batches).toBe(0);
    expect(sink.received).toHaveLength(sent);
  });

  it('a slow SMTP server does not slow a request: a create answers while the server still holds the message', async () => {
    holding = true;
    const sales = await signIn(t, 'sales@example.com');
    addNotification(t.app.db, {
      userId: userIdOf(t.app.db, 'marketer@example.com'),
      kind: 'assigned',
      requestId: requestOf(t.app.db, 'Sales').id,
      text: 'While the server is slow',
      mail: 'immediate',
      at: clock.now(),
    });
    clock.advanceMinutes(3);
    t.app.scheduler.tick();
    const sending = t.app.mailer.runDue();
    // The message has reached the server, which has not answered yet.
    for (let i = 0; i < 100 && sink.held() === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sink.held()).toBe(1);
    const res = await sales.post('/api/requests', { title: 'Booth graphics', typeId: await tacticalTypeId(sales) });
    expect(res.statusCode).toBe(201);
    expect(sink.held()).toBe(1);
    holding = false;
    release();
    await sending;
    expect((await nextMail()).subject).toBe('While the server is slow');
  });
});

describe('a batch while the SMTP server is down', () => {
  let t: TestApp;
  const clock = handClock(demoToday);
  beforeAll(async () => {
    t = await createTestApp({ now: clock.now, mail: { smtp: { url: await deadSmtpUrl(), from: 'altitude@example.com' }, publicUrl } });
  });
  afterAll(() => t.app.close());

  it('is retried with back-off and shows in the outbox with its error, and tried again when due', async () => {
    const cmo = await signIn(t, 'cmo@example.com');
    addNotification(t.app.db, {
      userId: userIdOf(t.app.db, 'marketer@example.com'),
      kind: 'assigned',
      requestId: requestOf(t.app.db, 'Sales').id,
      text: 'Nobody is listening',
      mail: 'immediate',
      at: clock.now(),
    });
    clock.advanceMinutes(3);
    expect(t.app.scheduler.tick().batches).toBe(1);
    await t.app.mailer.runDue();
    const first = ok<OutboxList>(await cmo.get('/api/outbox?limit=1')).items[0]!;
    expect(first).toMatchObject({
      kind: 'notification',
      to: 'marketer@example.com',
      subject: 'Nobody is listening',
      status: 'queued',
      attempts: 1,
    });
    expect(first.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(first.nextAttemptAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    clock.advanceMinutes(1);
    await t.app.mailer.runDue();
    expect(ok<OutboxList>(await cmo.get('/api/outbox?limit=1')).items[0]).toMatchObject({ status: 'queued', attempts: 2 });
  });
});
