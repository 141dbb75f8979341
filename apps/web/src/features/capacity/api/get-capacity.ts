import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Capacity } from '@altitude/shared/capacity';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Which weeks: `from` any day of the first (the server moves it to its Monday; this week when left out). */
export interface CapacityParams {
  from?: string;
  weeks?: string;
}

export const getCapacity = (params: CapacityParams) => api.get(`/api/capacity${queryString({ ...params })}`, Capacity);

export const useCapacity = (params: CapacityParams) =>
  // The weeks on screen stay while the next ones load, so the grid does not jump.
  useQuery({ queryKey: queryKeys.capacity.view({ ...params }), queryFn: () => getCapacity(params), placeholderData: keepPreviousData });
