import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MarkReadResult, type MarkReadBody } from '@altitude/shared/notifications';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { patchNotificationLists, type NotificationPages } from './list-notifications';

/** Marks some (`ids`) or all of one's own notifications read; answers the unread count left. */
export const markRead = (body: MarkReadBody) => api.post('/api/notifications/read', MarkReadResult, body);

/** Optimistic: the items read at once and the count drops; the server's count then replaces the guess. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.notifications.lists });
      const snapshot = queryClient.getQueriesData<NotificationPages>({ queryKey: queryKeys.notifications.lists });
      const first = snapshot.find(([, data]) => data)?.[1];
      const now = new Date().toISOString();
      const hits = (id: number) => body.all === true || (body.ids ?? []).includes(id);
      // Only items seen unread in the main list can be counted; the server's answer corrects the rest.
      const newlyRead = new Set(
        snapshot
          .flatMap(([, data]) => data?.pages.flatMap((p) => p.items.filter((n) => n.readAt === null && hits(n.id))) ?? [])
          .map((n) => n.id),
      );
      const before = first?.pages[0]?.unreadCount ?? 0;
      patchNotificationLists(queryClient, {
        unreadCount: body.all ? 0 : Math.max(0, before - newlyRead.size),
        mapItems: (items) => items.map((n) => (n.readAt === null && hits(n.id) ? { ...n, readAt: now } : n)),
      });
      return { snapshot };
    },
    onError: (_error, _body, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSuccess: ({ unreadCount }) => patchNotificationLists(queryClient, { unreadCount }),
    // The unread-only list drops what was read; fetched again once the server has it.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications.list({ unread: 'true' }) }),
  });
}
