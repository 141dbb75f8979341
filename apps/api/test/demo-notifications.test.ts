import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList } from '@altitude/shared/notifications';
import type { TestApp } from './harness';
import { createDemoApp, ok, signInDemoAccounts, type DemoCallers } from './request-helpers';

/** Issue 14: the bell is meaningful on first open, for every demo account, and tells nobody about what they may not see. */
describe('demo notifications', () => {
  let t: TestApp;
  let as: DemoCallers;
  beforeAll(async () => {
    t = await createDemoApp();
    as = await signInDemoAccounts(t);
  });
  afterAll(() => t.app.close());

  it('each demo account has recent notifications, some unread and some read, each about a request it may see', async () => {
    for (const [account, caller] of Object.entries(as)) {
      const { items, unreadCount } = ok<NotificationList>(await caller.get('/api/notifications?limit=100'));
      expect(items.length, account).toBeGreaterThanOrEqual(5);
      expect(unreadCount, account).toBe(3);
      expect(items.filter((n) => n.readAt === null).length, account).toBe(3);
      expect(new Set(items.map((n) => n.kind)).size, account).toBeGreaterThanOrEqual(2);
      for (const n of items) {
        expect((await caller.get(`/api/requests/${n.requestId}`)).statusCode, `${account}: ${n.text}`).toBe(200);
        expect(n.text, account).toMatch(/^[A-Z]/);
        expect(n.text, account).not.toMatch(/undefined|null|\{|\}/);
        expect(n.actorId, account).not.toBe(caller.user.id);
        expect(n.createdAt <= '2026-11-20T12:00:00.000Z', account).toBe(true);
      }
    }
  });
});
