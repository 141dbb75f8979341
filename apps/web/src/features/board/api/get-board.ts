import { queryOptions } from '@tanstack/react-query';
import { Board } from '@altitude/shared/requests';
import { api, queryString } from '../../../lib/api-client';
import type { BoardFilters } from '../hooks/use-board-filters';

export const boardKey = (filters: BoardFilters) => ['board', filters] as const;

export const boardQuery = (filters: BoardFilters) =>
  queryOptions({
    queryKey: boardKey(filters),
    queryFn: () => api.get(`/api/board${queryString(filters)}`, Board),
    staleTime: 60_000,
  });
