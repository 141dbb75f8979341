import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NotificationSettings, type NotificationSettingsBody } from '@altitude/shared/notifications';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Sends only the kinds that change; the server keeps the rest and answers the whole set. */
export const updateNotificationSettings = (body: NotificationSettingsBody) =>
  api.put('/api/me/notification-settings', NotificationSettings, body);

/** Optimistic, so the segmented control moves at once; rolled back if the server refuses. */
export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  const key = queryKeys.notifications.settings;
  return useMutation({
    mutationFn: updateNotificationSettings,
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<NotificationSettings>(key);
      if (previous) queryClient.setQueryData<NotificationSettings>(key, { kinds: { ...previous.kinds, ...body.kinds } });
      return { previous };
    },
    onError: (_error, _body, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (settings) => queryClient.setQueryData(key, settings),
  });
}
