import { queryOptions, useQuery } from '@tanstack/react-query';
import { NeedsInfoRoundList } from '@altitude/shared/service-levels';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listNeedsInfo = (id: number) => api.get(`/api/requests/${id}/needs-info`, NeedsInfoRoundList);
export const needsInfoQuery = (id: number) =>
  queryOptions({ queryKey: queryKeys.requests.needsInfo(id), queryFn: () => listNeedsInfo(id) });
export const useNeedsInfo = (id: number) => useQuery(needsInfoQuery(id));
