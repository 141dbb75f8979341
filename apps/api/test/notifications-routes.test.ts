import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingKinds, type NotificationList, type NotificationSettings } from '@altitude/shared/notifications';
import type { MentionCandidates } from '@altitude/shared/mentions';
import type { TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, createDemoApp, ok, signIn, signInDemoAccounts, type Caller, type DemoCallers } from './request-helpers';
import { notificationsAbout, salesBanner } from './notification-helpers';

/**
 * Issue 14's routes: the bell's list (own notifications only, newest first, paged, unread
 * filter), mark-read, the per-kind settings, the @mention candidates, and bad input.
 */
let t: TestApp;
let as: DemoCallers;
/** A Sales requester with no notifications yet (the demo's accounts have some). */
let zoe: Caller;
/** Zoe's five requests, each commented on by Max: five notifications, oldest first. */
const zoeRequests: number[] = [];
beforeAll(async () => {
  t = await createDemoApp();
  as = await signInDemoAccounts(t);
  await addUser(t, 'zoe.sales@example.com', 'requester', 'Sales');
  zoe = await signIn(t, 'zoe.sales@example.com');
  for (const title of ['One', 'Two', 'Three', 'Four', 'Five']) {
    const request = await salesBanner(zoe, title);
    zoeRequests.push(request.id);
    ok(await as.marketer.post(`/api/requests/${request.id}/comments`, { body: `About ${title}` }), 201);
  }
  // Sam has unread notifications of his own, which Zoe's marking must leave alone.
  const sams = await salesBanner(as.sales, 'Sam’s banner');
  ok(await as.marketer.post(`/api/requests/${sams.id}/comments`, { body: 'Started' }), 201);
});
afterAll(() => t.app.close());

const list = async (caller: Caller, query = '') => ok<NotificationList>(await caller.get(`/api/notifications${query}`));

describe('GET /api/notifications', () => {
  it('pages through only the caller’s own notifications, newest first, with the unread count', async () => {
    const first = await list(zoe, '?limit=2');
    expect(first.items.map((n) => n.requestId)).toEqual([zoeRequests[4], zoeRequests[3]]);
    expect(first.unreadCount).toBe(5);
    expect(first.items[0]).toEqual({
      id: expect.any(Number),
      kind: 'commented',
      requestId: zoeRequests[4],
      requestKey: `MKT-${zoeRequests[4]}`,
      actorId: as.marketer.user.id,
      text: `Max Ortega commented on MKT-${zoeRequests[4]} Five`,
      createdAt: expect.any(String),
      readAt: null,
    });
    const second = await list(zoe, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.requestId)).toEqual([zoeRequests[2], zoeRequests[1]]);
    const third = await list(zoe, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((n) => n.requestId)).toEqual([zoeRequests[0]]);
    expect(third.nextCursor).toBeNull();
  });

  it('unread=true leaves out what was read; marking someone else’s ids changes nothing', async () => {
    const all = (await list(zoe)).items;
    const salesUnread = (await list(as.sales, '?unread=true&limit=1')).items[0]!;
    const salesCount = (await list(as.sales)).unreadCount;
    const res = ok(await zoe.post('/api/notifications/read', { ids: [all[1]!.id, all[3]!.id, salesUnread.id] }));
    expect(res).toEqual({ unreadCount: 3 });
    const unread = await list(zoe, '?unread=true');
    expect(unread.items.map((n) => n.requestId)).toEqual([zoeRequests[4], zoeRequests[2], zoeRequests[0]]);
    expect(unread.unreadCount).toBe(3);
    expect((await list(zoe)).items.filter((n) => n.readAt !== null).map((n) => n.id)).toEqual([all[1]!.id, all[3]!.id]);
    expect((await list(as.sales)).unreadCount).toBe(salesCount);
    expect((await list(as.sales, '?unread=true&limit=1')).items[0]!.id).toBe(salesUnread.id);
  });

  it('all: true marks every one of the caller’s own read, and only theirs', async () => {
    const salesCount = (await list(as.sales)).unreadCount;
    expect(salesCount).toBeGreaterThan(0);
    expect(ok(await zoe.post('/api/notifications/read', { all: true }))).toEqual({ unreadCount: 0 });
    expect((await list(zoe, '?unread=true')).items).toEqual([]);
    expect((await list(as.sales)).unreadCount).toBe(salesCount);
  });

  it('refuses a bad query or body with 400 naming the field', async () => {
    for (const [query, path] of [
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?cursor=abc', 'cursor'],
      ['?unread=yes', 'unread'],
    ])
      expect(expectProblem(await zoe.get(`/api/notifications${query}`), 400).errors?.map((e) => e.path)).toEqual([path]);
    for (const [body, path] of [
      [{}, 'ids'],
      [{ ids: [] }, 'ids'],
      [{ ids: [1], all: true }, 'ids'],
      [{ all: false }, 'all'],
      [{ ids: ['x'] }, 'ids.0'],
    ] as const)
      expect(expectProblem(await zoe.post('/api/notifications/read', body), 400).errors?.map((e) => e.path)).toEqual([path]);
  });
});

describe('/api/me/notification-settings', () => {
  it('answers every kind, email by default; a PUT of some kinds keeps the others', async () => {
    const defaults = ok<NotificationSettings>(await zoe.get('/api/me/notification-settings'));
    expect(defaults).toEqual({ kinds: Object.fromEntries(settingKinds.map((k) => [k, 'email'])) });
    const after = ok<NotificationSettings>(
      await zoe.put('/api/me/notification-settings', { kinds: { mentioned: 'in_app', weekly_brief: 'off' } }),
    );
    expect(after).toEqual({ kinds: { ...defaults.kinds, mentioned: 'in_app', weekly_brief: 'off' } });
    ok(await zoe.put('/api/me/notification-settings', { kinds: { mentioned: 'email' } }));
    expect(ok<NotificationSettings>(await zoe.get('/api/me/notification-settings')).kinds).toEqual({
      ...defaults.kinds,
      weekly_brief: 'off',
    });
    // Someone else's settings are theirs alone.
    expect(ok<NotificationSettings>(await as.exec.get('/api/me/notification-settings')).kinds.weekly_brief).toBe('email');
  });

  it('refuses an unknown kind or channel with 400 naming it', async () => {
    const paths = async (body: unknown) =>
      expectProblem(await zoe.put('/api/me/notification-settings', body), 400).errors?.map((e) => e.path);
    expect(await paths({ kinds: { commented: 'loud' } })).toEqual(['kinds.commented']);
    expect(await paths({ kinds: { bogus: 'email' } })).toEqual([expect.stringMatching(/^kinds/)]);
    expect(await paths({})).toEqual(['kinds']);
  });
});

describe('GET /api/requests/:id/mentionable', () => {
  const mentionable = async (caller: Caller, requestId: number, q = '') =>
    ok<MentionCandidates>(await caller.get(`/api/requests/${requestId}/mentionable?q=${encodeURIComponent(q)}`)).items;

  it('lists people who may see the request, handle prefix first, then names; never another department’s requester', async () => {
    const request = zoeRequests[0]!;
    // Handles starting "s": sales (Sam Reyes); then names with a word starting "s": Ana Silva is
    // Customer Success, so she may not see a Sales request and is left out.
    expect(await mentionable(as.marketer, request, 's')).toEqual([{ id: as.sales.user.id, name: 'Sam Reyes', handle: 'sales' }]);
    // "m" asked by Sam: the handle marketer (Max) first; then by name Claire Morgan, Jules Martin
    // (Raj Mehta is Product: out).
    expect((await mentionable(as.sales, request, 'm')).map((p) => p.handle)).toEqual(['marketer', 'cmo', 'jules.marketing']);
    const everyone = await mentionable(as.marketer, request);
    expect(everyone.length).toBe(8);
    expect(everyone.map((p) => p.handle)).not.toContain('product');
    expect(everyone.map((p) => p.handle)).not.toContain('marketer');
  });

  it('is a 404 for a request the caller may not see, and 400 for a query too long', async () => {
    expectProblem(await as.product.get(`/api/requests/${zoeRequests[0]}/mentionable?q=a`), 404);
    expect(
      expectProblem(await as.sales.get(`/api/requests/${zoeRequests[0]}/mentionable?q=${'a'.repeat(65)}`), 400).errors?.[0]?.path,
    ).toBe('q');
  });

  it('what was mentioned of someone who may not see the request is stored for nobody', async () => {
    ok(await as.marketer.post(`/api/requests/${zoeRequests[1]}/comments`, { body: '@product have a look' }), 201);
    expect(notificationsAbout(t, zoeRequests[1]!).map((n) => n.kind)).toEqual(['commented', 'commented']);
  });
});
