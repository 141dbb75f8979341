import { useInfiniteQuery, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { NotificationList, type Notification } from '@altitude/shared/notifications';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** One page of one's own notifications, newest first; `cursor` is the previous page's `nextCursor`. */
export const listNotifications = (params: { unread?: boolean; cursor?: string; limit?: number }) =>
  api.get(
    `/api/notifications${queryString({ unread: params.unread ? 'true' : undefined, cursor: params.cursor, limit: params.limit })}`,
    NotificationList,
  );

export type NotificationPages = InfiniteData<NotificationList, string | undefined>;

const pageSize = 20;

/**
 * The bell and the full list share this cache entry (the unread filter is a second one): the
 * count shown is the first page's `unreadCount`, kept current by live events and mark-reads.
 */
export function useNotifications({ unread = false }: { unread?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.notifications.list(unread ? { unread: 'true' } : {}),
    queryFn: ({ pageParam }) => listNotifications({ unread, cursor: pageParam, limit: pageSize }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Applies a change to every cached page of every list: the count, and what each item looks like. */
export function patchNotificationLists(
  queryClient: QueryClient,
  patch: { unreadCount: number; mapItems?: (items: Notification[], pageIndex: number) => Notification[] },
) {
  for (const [key, data] of queryClient.getQueriesData<NotificationPages>({ queryKey: queryKeys.notifications.lists })) {
    if (!data) continue;
    queryClient.setQueryData<NotificationPages>(key, {
      ...data,
      pages: data.pages.map((page, i) => ({
        ...page,
        unreadCount: patch.unreadCount,
        items: patch.mapItems ? patch.mapItems(page.items, i) : page.items,
      })),
    });
  }
}

/**
 * A `notifications.changed` event: the server's count wins; a new notification goes on top of the
 * first page (once, even if the list was fetched after it was written). Without one, something was
 * marked read elsewhere (another tab), so the lists are fetched again to show which.
 */
export function applyNotificationsChanged(queryClient: QueryClient, event: { unreadCount: number; notification?: Notification }) {
  const arrived = event.notification;
  patchNotificationLists(queryClient, {
    unreadCount: event.unreadCount,
    mapItems: arrived ? (items, i) => (i === 0 && !items.some((n) => n.id === arrived.id) ? [arrived, ...items] : items) : undefined,
  });
  if (!arrived) void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.lists });
}
