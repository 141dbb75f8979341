import { queryOptions, useQuery } from '@tanstack/react-query';
import { Request } from '@altitude/shared/requests';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getRequest = (id: number) => api.get(`/api/requests/${id}`, Request);
export const requestQuery = (id: number) => queryOptions({ queryKey: queryKeys.requests.detail(id), queryFn: () => getRequest(id) });
export const useRequest = (id: number) => useQuery(requestQuery(id));
