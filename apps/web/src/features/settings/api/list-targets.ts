import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Target, TargetList } from '@altitude/shared/settings';
import { api } from '../../../lib/api-client';

export const targetsQuery = queryOptions({
  queryKey: ['settings', 'targets'],
  queryFn: () => api.get('/api/settings/targets', TargetList),
  select: (data) => data.items,
});

export const useTargets = () => useQuery(targetsQuery);

export function useSetTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ periodStart, strategicShare }: Target) => api.put(`/api/settings/targets/${periodStart}`, Target, { strategicShare }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['settings', 'targets'] }),
  });
}
