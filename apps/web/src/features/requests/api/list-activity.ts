import { queryOptions, useQuery } from '@tanstack/react-query';
import { ActivityList } from '@altitude/shared/activity';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listActivity = (id: number) => api.get(`/api/requests/${id}/activity`, ActivityList);
export const activityQuery = (id: number) => queryOptions({ queryKey: queryKeys.requests.activity(id), queryFn: () => listActivity(id) });
export const useActivity = (id: number) => useQuery(activityQuery(id));
