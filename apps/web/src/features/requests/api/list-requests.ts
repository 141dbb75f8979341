import { queryOptions, useQuery } from '@tanstack/react-query';
import { RequestList } from '@altitude/shared/requests';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listRequests = (params: Record<string, string>) =>
  api.get(`/api/requests${queryString({ limit: 200, ...params })}`, RequestList);
export const requestListQuery = (params: Record<string, string>) =>
  queryOptions({ queryKey: queryKeys.requests.list(params), queryFn: () => listRequests(params) });
export const useRequestList = (params: Record<string, string>) => useQuery(requestListQuery(params));
