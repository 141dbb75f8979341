import { queryOptions, useQuery } from '@tanstack/react-query';
import { NotificationSettings } from '@altitude/shared/notifications';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getNotificationSettings = () => api.get('/api/me/notification-settings', NotificationSettings);
export const notificationSettingsQuery = queryOptions({ queryKey: queryKeys.notifications.settings, queryFn: getNotificationSettings });
export const useNotificationSettings = () => useQuery(notificationSettingsQuery);
