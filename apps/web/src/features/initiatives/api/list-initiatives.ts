import { queryOptions, useQuery } from '@tanstack/react-query';
import { InitiativeList } from '@altitude/shared/initiatives';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** `GET /api/initiatives`: every initiative, archived ones too (the screens sort and filter them). */
export const listInitiatives = () => api.get('/api/initiatives', InitiativeList);
export const initiativesQuery = queryOptions({
  queryKey: queryKeys.initiatives.list({}),
  queryFn: listInitiatives,
  select: (data) => data.items,
  staleTime: 60_000,
});
export const useInitiatives = (enabled = true) => useQuery({ ...initiativesQuery, enabled });
