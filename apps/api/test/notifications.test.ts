import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '@altitude/shared/requests';
import type { TestApp } from './harness';
import {
  classify,
  createDemoApp,
  departmentId,
  getRequest,
  moveTo,
  ok,
  signIn,
  signInDemoAccounts,
  type DemoCallers,
} from './request-helpers';
import { notificationsAbout, salesBanner, userIdOf } from './notification-helpers';

/**
 * Issue 14: each kind of notification as the real routes produce it, for the right people only.
 * Demo people: Max Ortega (marketer@), Sam Reyes (sales@, Sales), Priya (product@, Product),
 * Nina (nina.marketing@), Ava and Liam (Sales requesters).
 */
let t: TestApp;
let as: DemoCallers;
let id: (email: string) => number;
beforeAll(async () => {
  t = await createDemoApp();
  as = await signInDemoAccounts(t);
  id = (email) => userIdOf(t, email);
});
afterAll(() => t.app.close());

const follow = async (email: string, requestId: number) =>
  expect((await (await signIn(t, email)).post(`/api/requests/${requestId}/followers`, {})).statusCode).toBe(204);

const assign = async (request: Request, assigneeId: number) =>
  ok<Request>(
    await as.marketer.patch(`/api/requests/${request.id}`, { version: (await getRequest(as.marketer, request.id)).version, assigneeId }),
  );

describe('assigned', () => {
  it('tells the new assignee who assigned what, mailed at once by default; assigning oneself tells nobody', async () => {
    const banner = await salesBanner(as.sales, 'Booth wall for Lisbon');
    await assign(banner, id('marketer@example.com'));
    expect(notificationsAbout(t, banner.id)).toEqual([]);
    await assign(banner, id('nina.marketing@example.com'));
    expect(notificationsAbout(t, banner.id)).toEqual([
      {
        userId: id('nina.marketing@example.com'),
        kind: 'assigned',
        mail: 'immediate',
        text: `Max Ortega assigned MKT-${banner.id} Booth wall for Lisbon to you`,
      },
    ]);
  });
});

describe('comments and mentions', () => {
  it('a comment tells the requester, followers and assignee; a mention outranks it; the author hears nothing', async () => {
    const banner = await salesBanner(as.sales, 'Roll-up for the Madrid summit');
    await follow('ava.sales@example.com', banner.id);
    await assign(banner, id('nina.marketing@example.com'));
    const before = notificationsAbout(t, banner.id).length;
    ok(await as.marketer.post(`/api/requests/${banner.id}/comments`, { body: 'Draft attached, @nina.marketing please check.' }), 201);
    const key = `MKT-${banner.id} Roll-up for the Madrid summit`;
    expect(notificationsAbout(t, banner.id).slice(before)).toEqual([
      { userId: id('nina.marketing@example.com'), kind: 'mentioned', mail: 'immediate', text: `Max Ortega mentioned you on ${key}` },
      { userId: id('sales@example.com'), kind: 'commented', mail: 'digest', text: `Max Ortega commented on ${key}` },
      { userId: id('ava.sales@example.com'), kind: 'commented', mail: 'digest', text: `Max Ortega commented on ${key}` },
    ]);
  });

  it('a requester of another department is never told, even when @mentioned; a deactivated person neither', async () => {
    const banner = await salesBanner(as.sales, 'Event banner for Oslo');
    const liam = id('liam.sales@example.com');
    ok(await as.cmo.patch(`/api/users/${liam}`, { active: false }));
    try {
      ok(await as.marketer.post(`/api/requests/${banner.id}/comments`, { body: '@product @liam.sales @ava.sales can you confirm?' }), 201);
    } finally {
      ok(await as.cmo.patch(`/api/users/${liam}`, { active: true }));
    }
    expect(notificationsAbout(t, banner.id).map((n) => [n.userId, n.kind])).toEqual([
      [id('ava.sales@example.com'), 'mentioned'],
      [id('sales@example.com'), 'commented'],
    ]);
  });

  it("the requester's own comment tells the assignee, not the requester", async () => {
    const banner = await salesBanner(as.sales, 'Stage screen loop');
    await assign(banner, id('nina.marketing@example.com'));
    ok(await as.sales.post(`/api/requests/${banner.id}/comments`, { body: 'Logo files are in the brief.' }), 201);
    expect(notificationsAbout(t, banner.id).map((n) => [n.userId, n.kind])).toEqual([
      [id('nina.marketing@example.com'), 'assigned'],
      [id('nina.marketing@example.com'), 'commented'],
    ]);
  });
});

describe('status changes', () => {
  it('a move tells the requester and followers; declining says declined or handed back instead', async () => {
    const moved = await salesBanner(as.sales, 'Trade-show backdrop');
    await follow('ava.sales@example.com', moved.id);
    await classify(as.marketer, moved.id, 'tactical');
    await moveTo(as.marketer, moved.id, 'planned');
    const key = `MKT-${moved.id} Trade-show backdrop`;
    expect(notificationsAbout(t, moved.id)).toEqual([
      { userId: id('sales@example.com'), kind: 'status_changed', mail: 'digest', text: `Max Ortega moved ${key} to Planned` },
      { userId: id('ava.sales@example.com'), kind: 'status_changed', mail: 'digest', text: `Max Ortega moved ${key} to Planned` },
    ]);

    const handedBack = await salesBanner(as.sales, 'Email signature banner');
    const { version } = await getRequest(as.marketer, handedBack.id);
    ok(
      await as.marketer.post(`/api/requests/${handedBack.id}/move`, {
        status: 'declined',
        version,
        resolution: 'handed_back',
        note: 'Use the kit.',
      }),
    );
    expect(notificationsAbout(t, handedBack.id)).toEqual([
      {
        userId: id('sales@example.com'),
        kind: 'handed_back',
        mail: 'digest',
        text: `Max Ortega handed MKT-${handedBack.id} Email signature banner back to you to self-serve`,
      },
    ]);

    const declined = await salesBanner(as.sales, 'Mug print');
    await moveTo(as.marketer, declined.id, 'declined');
    expect(notificationsAbout(t, declined.id).map((n) => [n.userId, n.kind, n.text])).toEqual([
      [id('sales@example.com'), 'declined', `Max Ortega declined MKT-${declined.id} Mug print`],
    ]);
  });

  it('a move tells only who may hear it: requester first, then followers by id; not the mover, a deactivated follower, one moved to another department, nor one who turned the kind off', async () => {
    const banner = await salesBanner(as.sales, 'Pull-up banner for Bergen');
    const ava = id('ava.sales@example.com');
    const liam = id('liam.sales@example.com');
    const nina = id('nina.marketing@example.com');
    const cmo = id('cmo@example.com');
    for (const email of ['ava.sales', 'liam.sales', 'nina.marketing', 'cmo', 'marketer', 'sales'].map((n) => `${n}@example.com`))
      await follow(email, banner.id);
    // Nina's and the CMO's settings for status changes: off and in the bell only; Ava keeps email.
    const nina_ = await signIn(t, 'nina.marketing@example.com');
    ok(await nina_.put('/api/me/notification-settings', { kinds: { status_changed: 'off' } }));
    ok(await as.cmo.put('/api/me/notification-settings', { kinds: { status_changed: 'in_app' } }));
    // Liam now works for Product (a Sales request is no longer his to see); Ava is deactivated for the move.
    const product = await departmentId(as.cmo, 'Product');
    const sales = await departmentId(as.cmo, 'Sales');
    ok(await as.cmo.patch(`/api/users/${liam}`, { departmentId: product }));
    ok(await as.cmo.patch(`/api/users/${ava}`, { active: false }));
    try {
      await classify(as.marketer, banner.id, 'tactical');
      await moveTo(as.marketer, banner.id, 'planned');
    } finally {
      ok(await as.cmo.patch(`/api/users/${ava}`, { active: true }));
      ok(await as.cmo.patch(`/api/users/${liam}`, { departmentId: sales }));
      ok(await nina_.put('/api/me/notification-settings', { kinds: { status_changed: 'email' } }));
      ok(await as.cmo.put('/api/me/notification-settings', { kinds: { status_changed: 'email' } }));
    }
    const text = `Max Ortega moved MKT-${banner.id} Pull-up banner for Bergen to Planned`;
    // Sam filed it and follows it too: one notice, first. Of the followers only the CMO hears it, in the bell.
    expect(notificationsAbout(t, banner.id)).toEqual([
      { userId: id('sales@example.com'), kind: 'status_changed', mail: 'digest', text },
      { userId: cmo, kind: 'status_changed', mail: 'none', text },
    ]);

    // With everyone back, the next move tells the requester, then every follower but the mover, in id order.
    await moveTo(as.marketer, banner.id, 'in_progress');
    const followers = [ava, liam, nina, cmo].sort((a, b) => a - b);
    expect(
      notificationsAbout(t, banner.id)
        .slice(2)
        .map((n) => n.userId),
    ).toEqual([id('sales@example.com'), ...followers]);
  });

  it('a requester cancelling tells the assignee and the followers, not themselves; an unworked request tells nobody', async () => {
    const banner = await salesBanner(as.sales, 'Kiosk loop for Porto');
    await follow('ava.sales@example.com', banner.id);
    await assign(banner, id('nina.marketing@example.com'));
    const before = notificationsAbout(t, banner.id).length;
    const { version } = await getRequest(as.sales, banner.id);
    ok(await as.sales.post(`/api/requests/${banner.id}/cancel`, { version }));
    const text = `Sam Reyes cancelled MKT-${banner.id} Kiosk loop for Porto`;
    expect(notificationsAbout(t, banner.id).slice(before)).toEqual([
      { userId: id('nina.marketing@example.com'), kind: 'status_changed', mail: 'digest', text },
      { userId: id('ava.sales@example.com'), kind: 'status_changed', mail: 'digest', text },
    ]);

    const alone = await salesBanner(as.sales, 'Table tent');
    ok(await as.sales.post(`/api/requests/${alone.id}/cancel`, { version: alone.version }));
    expect(notificationsAbout(t, alone.id)).toEqual([]);
  });

  it('reordering within a column tells nobody', async () => {
    const banner = await salesBanner(as.sales, 'Lanyards');
    await moveTo(as.marketer, banner.id, 'intake');
    expect(notificationsAbout(t, banner.id)).toEqual([]);
  });
});

describe('needs info and answered', () => {
  it('a question tells the requester (mailed at once); the answer tells whoever asked and the assignee', async () => {
    const banner = await salesBanner(as.sales, 'Partner logo wall');
    await assign(banner, id('nina.marketing@example.com'));
    const { version } = await getRequest(as.marketer, banner.id);
    ok(await as.marketer.post(`/api/requests/${banner.id}/needs-info`, { question: 'Which partners?', version }));
    ok(await as.sales.post(`/api/requests/${banner.id}/answer`, { body: 'The gold tier.' }));
    const key = `MKT-${banner.id} Partner logo wall`;
    expect(notificationsAbout(t, banner.id).slice(1)).toEqual([
      { userId: id('sales@example.com'), kind: 'needs_info', mail: 'immediate', text: `Max Ortega needs more information on ${key}` },
      { userId: id('marketer@example.com'), kind: 'answered', mail: 'digest', text: `Sam Reyes answered the question on ${key}` },
      { userId: id('nina.marketing@example.com'), kind: 'answered', mail: 'digest', text: `Sam Reyes answered the question on ${key}` },
    ]);
  });
});

describe("the person's settings", () => {
  it('off writes nothing, in_app keeps the bell but no mail, email mails (now or in the digest by kind)', async () => {
    const nina = await signIn(t, 'nina.marketing@example.com');
    const banner = await salesBanner(as.sales, 'QR code flyer');
    const comment = async () => ok(await as.marketer.post(`/api/requests/${banner.id}/comments`, { body: 'Update' }), 201);
    await assign(banner, nina.user.id);
    ok(await nina.put('/api/me/notification-settings', { kinds: { commented: 'off' } }));
    ok(await as.sales.put('/api/me/notification-settings', { kinds: { commented: 'in_app' } }));
    await comment();
    ok(await nina.put('/api/me/notification-settings', { kinds: { commented: 'email' } }));
    ok(await as.sales.put('/api/me/notification-settings', { kinds: { commented: 'off' } }));
    await comment();
    expect(notificationsAbout(t, banner.id).map((n) => [n.userId, n.kind, n.mail])).toEqual([
      [nina.user.id, 'assigned', 'immediate'],
      [as.sales.user.id, 'commented', 'none'],
      [nina.user.id, 'commented', 'digest'],
    ]);
    ok(await as.sales.put('/api/me/notification-settings', { kinds: { commented: 'email' } }));
  });
});
