import { queryOptions, useQuery } from '@tanstack/react-query';
import { TargetList } from '@altitude/shared/settings';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listTargets = () => api.get('/api/settings/targets', TargetList);
export const targetsQuery = queryOptions({ queryKey: queryKeys.settings.targets, queryFn: listTargets, select: (data) => data.items });
export const useTargets = () => useQuery(targetsQuery);
