import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@altitude/shared/events';
import type { NotificationList } from '@altitude/shared/notifications';
import { buildApp } from '../src/app';
import { requests } from '../src/db/schema';
import { notifications } from '../src/db/schema-notifications';
import { seedDemo } from '../src/db/seed/demo';
import { createTestApp, demoToday, type TestApp } from './harness';
import { getRequest, moveTo, ok, signIn, signInDemoAccounts, type DemoCallers } from './request-helpers';
import { LiveEvents, listen, notificationsAbout, salesBanner, userIdOf } from './notification-helpers';

const isNotice = (e: ChangeEvent) => e.type === 'notifications.changed';

describe('the live event', () => {
  let t: TestApp;
  let as: DemoCallers;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => demoToday });
    as = await signInDemoAccounts(t);
    base = await listen(t);
  });
  afterAll(() => t.app.close());

  it("reaches only its owner's streams, with the notification and the unread count; a mark-read elsewhere updates the count", async () => {
    const banner = await salesBanner(as.sales, 'Poster for the partner day');
    const sam = await LiveEvents.open(base, as.sales.cookie);
    const priya = await LiveEvents.open(base, as.product.cookie);
    const max = await LiveEvents.open(base, as.marketer.cookie);
    try {
      ok(await as.marketer.post(`/api/requests/${banner.id}/comments`, { body: 'On it' }), 201);
      const [heard] = await sam.waitFor(isNotice);
      const count = ok<NotificationList>(await as.sales.get('/api/notifications')).unreadCount;
      expect(heard).toEqual({
        type: 'notifications.changed',
        unreadCount: count,
        notification: expect.objectContaining({
          kind: 'commented',
          requestId: banner.id,
          text: `Max Ortega commented on MKT-${banner.id} Poster for the partner day`,
        }),
      });
      // Max (the author) hears the comment as a change, not as a notice; Priya (Product) hears neither.
      await max.waitFor((e) => e.type === 'request.commented');
      expect([...priya.events, ...max.events].filter(isNotice)).toEqual([]);

      ok(await as.sales.post('/api/notifications/read', { all: true }));
      const updates = await sam.waitFor((e) => isNotice(e) && e.unreadCount === 0);
      expect(updates).toEqual([{ type: 'notifications.changed', unreadCount: 0 }]);
    } finally {
      for (const s of [sam, priya, max]) s.close();
    }
  });
});

describe('who is told', () => {
  let t: TestApp;
  let as: DemoCallers;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: () => demoToday });
    as = await signInDemoAccounts(t);
    base = await listen(t);
  });
  afterAll(() => t.app.close());

  it('only people with a stream open are announced their notification and unread count', async () => {
    const heardOnTheBus: ChangeEvent[] = [];
    const stop = t.app.events.subscribe((event) => {
      if (isNotice(event)) heardOnTheBus.push(event);
    });
    try {
      const banner = await salesBanner(as.sales, 'Flyer for the roadshow');
      // Sam is not looking: the notification is stored, nobody is announced anything.
      ok(await as.marketer.post(`/api/requests/${banner.id}/comments`, { body: 'Draft by Friday' }), 201);
      expect(notificationsAbout(t, banner.id).filter((n) => n.kind === 'commented')).toHaveLength(1);
      expect(heardOnTheBus).toEqual([]);
      // Once he is, the next one reaches his stream with the count he would read.
      const sam = await LiveEvents.open(base, as.sales.cookie);
      try {
        ok(await as.marketer.post(`/api/requests/${banner.id}/comments`, { body: 'Draft attached' }), 201);
        const [heard] = await sam.waitFor(isNotice);
        const count = ok<NotificationList>(await as.sales.get('/api/notifications')).unreadCount;
        expect(heard).toMatchObject({ type: 'notifications.changed', unreadCount: count });
        expect(heardOnTheBus).toHaveLength(1);
      } finally {
        sam.close();
      }
    } finally {
      stop();
    }
  });
});

describe('the due-date sweep', () => {
  let t: TestApp;
  let as: DemoCallers;
  let now = demoToday;
  let nina: number;
  beforeAll(async () => {
    // 2026-11-20 is a Friday: the next business day is Monday the 23rd.
    t = await createTestApp({ seed: 'demo', now: () => now });
    as = await signInDemoAccounts(t);
    nina = userIdOf(t, 'nina.marketing@example.com');
  });
  afterAll(() => t.app.close());

  /** A request due on `dueDate`, assigned to Nina (or nobody), set straight in the database: a past date is the point. */
  const dueOn = async (title: string, dueDate: string, assigneeId: number | null = nina) => {
    const { id } = await salesBanner(as.sales, title);
    t.app.db.update(requests).set({ dueDate, assigneeId }).where(eq(requests.id, id)).run();
    return id;
  };
  /** The due-date notifications about a request (declining one tells its requester too). */
  const kinds = (id: number) =>
    notificationsAbout(t, id)
      .filter((n) => n.kind === 'due_soon' || n.kind === 'overdue')
      .map((n) => [n.userId, n.kind, n.mail]);

  it('tells the assignee once per request and due date: due soon by the next business day, overdue once passed', async () => {
    const monday = await dueOn('Due Monday', '2026-11-23');
    const tuesday = await dueOn('Due Tuesday', '2026-11-24');
    const yesterday = await dueOn('Due yesterday', '2026-11-19');
    const longAgo = await dueOn('Due weeks ago', '2026-10-30');
    const nobodys = await dueOn('Unassigned', '2026-11-23', null);
    const closed = await dueOn('Declined', '2026-11-19');
    await moveTo(as.marketer, closed, 'declined');

    t.app.sweepDue();
    t.app.sweepDue();
    expect(kinds(monday)).toEqual([[nina, 'due_soon', 'digest']]);
    expect(notificationsAbout(t, monday).find((n) => n.kind === 'due_soon')!.text).toBe(`MKT-${monday} Due Monday is due on 2026-11-23`);
    expect(kinds(yesterday)).toEqual([[nina, 'overdue', 'digest']]);
    expect(notificationsAbout(t, yesterday).find((n) => n.kind === 'overdue')!.text).toBe(
      `MKT-${yesterday} Due yesterday is overdue: it was needed by 2026-11-19`,
    );
    for (const id of [tuesday, longAgo, nobodys, closed]) expect(kinds(id)).toEqual([]);
    const row = t.app.db.select().from(notifications).where(eq(notifications.requestId, monday)).get()!;
    expect([row.actorId, row.occasion]).toEqual([null, '2026-11-23']);

    // Tuesday: Monday's is overdue now, Tuesday's due today; sweeping twice still tells each once.
    now = new Date('2026-11-24T12:00:00.000Z');
    // Sessions idle for days have ended: sign in again on Tuesday.
    as = await signInDemoAccounts(t);
    t.app.sweepDue();
    t.app.sweepDue();
    expect(kinds(monday)).toEqual([
      [nina, 'due_soon', 'digest'],
      [nina, 'overdue', 'digest'],
    ]);
    expect(kinds(tuesday)).toEqual([[nina, 'due_soon', 'digest']]);
    expect(notificationsAbout(t, tuesday).find((n) => n.kind === 'due_soon')!.text).toBe(`MKT-${tuesday} Due Tuesday is due today`);
    expect(kinds(yesterday)).toEqual([[nina, 'overdue', 'digest']]);

    // A new needed-by date is a new occasion.
    const { version } = await getRequest(as.marketer, tuesday);
    ok(await as.marketer.patch(`/api/requests/${tuesday}`, { version, dueDate: '2026-11-25' }));
    t.app.sweepDue();
    expect(kinds(tuesday)).toEqual([
      [nina, 'due_soon', 'digest'],
      [nina, 'due_soon', 'digest'],
    ]);
    expect(
      t.app.db
        .select({ occasion: notifications.occasion })
        .from(notifications)
        .where(and(eq(notifications.requestId, tuesday), eq(notifications.kind, 'due_soon')))
        .all(),
    ).toEqual([{ occasion: '2026-11-24' }, { occasion: '2026-11-25' }]);
  });

  it('respects the assignee’s setting: off tells nothing', async () => {
    const nobody = await dueOn('Muted', '2026-11-25');
    const ninaCaller = await signIn(t, 'nina.marketing@example.com');
    ok(await ninaCaller.put('/api/me/notification-settings', { kinds: { due_soon: 'off' } }));
    t.app.sweepDue();
    expect(kinds(nobody)).toEqual([]);
  });
});

describe('the sweep timer', () => {
  it('runs on its interval once the app is ready, and stops when it closes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-sweep-'));
    const app = await buildApp({ databasePath: path.join(dir, 'test.db'), now: () => demoToday, dueSweepEveryMs: 20 });
    try {
      await seedDemo(app.db, demoToday);
      // The demo's bells hold a few seeded due-soon notices already (mail none); the timer adds the sweep's.
      const swept = () =>
        app.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.kind, 'due_soon'), ne(notifications.mail, 'none')))
          .all();
      expect(swept()).toEqual([]);
      await app.ready();
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && swept().length === 0) await new Promise((r) => setTimeout(r, 20));
      expect(swept().length).toBeGreaterThan(0);
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
