import { queryOptions, useQuery } from '@tanstack/react-query';
import { ActivityList, CommentList, TimeEntryList } from '@altitude/shared/activity';
import { Request, RequestList } from '@altitude/shared/requests';
import { api, queryString } from '../../../lib/api-client';

export const requestKeys = {
  all: ['requests'] as const,
  list: (params: Record<string, string>) => ['requests', 'list', params] as const,
  detail: (id: number) => ['requests', 'detail', id] as const,
  comments: (id: number) => ['requests', 'detail', id, 'comments'] as const,
  activity: (id: number) => ['requests', 'detail', id, 'activity'] as const,
  time: (id: number) => ['requests', 'detail', id, 'time'] as const,
};

export const requestListQuery = (params: Record<string, string>) =>
  queryOptions({ queryKey: requestKeys.list(params), queryFn: () => api.get(`/api/requests${queryString({ limit: 200, ...params })}`, RequestList) });

export const requestQuery = (id: number) => queryOptions({ queryKey: requestKeys.detail(id), queryFn: () => api.get(`/api/requests/${id}`, Request) });
export const commentsQuery = (id: number) => queryOptions({ queryKey: requestKeys.comments(id), queryFn: () => api.get(`/api/requests/${id}/comments`, CommentList) });
export const activityQuery = (id: number) => queryOptions({ queryKey: requestKeys.activity(id), queryFn: () => api.get(`/api/requests/${id}/activity`, ActivityList) });
export const timeQuery = (id: number) => queryOptions({ queryKey: requestKeys.time(id), queryFn: () => api.get(`/api/requests/${id}/time-entries`, TimeEntryList) });

export const useRequest = (id: number) => useQuery(requestQuery(id));
export const useComments = (id: number) => useQuery(commentsQuery(id));
export const useActivity = (id: number) => useQuery(activityQuery(id));
export const useTimeEntries = (id: number, enabled = true) => useQuery({ ...timeQuery(id), enabled });
