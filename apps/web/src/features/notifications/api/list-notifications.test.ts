import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Notification } from '@altitude/shared/notifications';
import { queryKeys } from '../../../lib/query-keys';
import { applyNotificationsChanged, patchNotificationLists, type NotificationPages } from './list-notifications';

const item = (id: number, readAt: string | null = null): Notification => ({
  id,
  kind: 'mentioned',
  requestId: 7,
  requestKey: 'MKT-7',
  actorId: 2,
  text: `Notification ${id}`,
  createdAt: '2026-12-03T06:00:00.000Z',
  readAt,
});

/** A client holding the main list as two pages (3, 2 then 1) with 2 unread. */
function seeded() {
  const client = new QueryClient();
  const key = queryKeys.notifications.list({});
  client.setQueryData<NotificationPages>(key, {
    pages: [
      { items: [item(3), item(2, '2026-12-03T06:30:00.000Z')], unreadCount: 2, nextCursor: '2' },
      { items: [item(1)], unreadCount: 2, nextCursor: null },
    ],
    pageParams: [undefined, '2'],
  });
  return { client, read: () => client.getQueryData<NotificationPages>(key)! };
}

describe('live notification events in the cache', () => {
  it('a new notification goes on top of the first page and every page takes the server count', () => {
    const { client, read } = seeded();
    applyNotificationsChanged(client, { unreadCount: 3, notification: item(4) });
    expect(read().pages[0]!.items.map((n) => n.id)).toEqual([4, 3, 2]);
    expect(read().pages[1]!.items.map((n) => n.id)).toEqual([1]);
    expect(read().pages.map((p) => p.unreadCount)).toEqual([3, 3]);
  });

  it('the same notification arriving twice is listed once', () => {
    const { client, read } = seeded();
    applyNotificationsChanged(client, { unreadCount: 3, notification: item(4) });
    applyNotificationsChanged(client, { unreadCount: 3, notification: item(4) });
    expect(read().pages[0]!.items.map((n) => n.id)).toEqual([4, 3, 2]);
  });

  it('a mark-read elsewhere (no notification) sets the count', () => {
    const { client, read } = seeded();
    applyNotificationsChanged(client, { unreadCount: 0 });
    expect(read().pages.map((p) => p.unreadCount)).toEqual([0, 0]);
  });

  it('a patch can mark items read on every page', () => {
    const { client, read } = seeded();
    patchNotificationLists(client, { unreadCount: 0, mapItems: (items) => items.map((n) => ({ ...n, readAt: n.readAt ?? 'now' })) });
    expect(read().pages.flatMap((p) => p.items.map((n) => n.readAt))).toEqual(['now', '2026-12-03T06:30:00.000Z', 'now']);
  });
});
