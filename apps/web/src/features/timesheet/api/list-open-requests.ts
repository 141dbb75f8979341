import { useQuery } from '@tanstack/react-query';
import { openStatuses } from '@altitude/shared/domain';
import { RequestList } from '@altitude/shared/requests';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The open requests assigned to a person: what they can add a row for to fill a gap. */
export function useOpenRequestsOf(userId: number, enabled: boolean) {
  const params = { assignee: String(userId), status: openStatuses.join(','), limit: '200' };
  return useQuery({
    queryKey: queryKeys.requests.list(params),
    queryFn: () => api.get(`/api/requests${queryString(params)}`, RequestList),
    enabled,
    select: (data) => data.items,
  });
}
