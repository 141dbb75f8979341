import { queryOptions, useQuery } from '@tanstack/react-query';
import { Board } from '@altitude/shared/requests';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { BoardFilters } from '../hooks/use-board-filters';

export const getBoard = (filters: BoardFilters) => api.get(`/api/board${queryString(filters)}`, Board);

export const boardQuery = (filters: BoardFilters) =>
  queryOptions({
    queryKey: queryKeys.board.view(filters),
    queryFn: () => getBoard(filters),
    staleTime: 60_000,
  });

export const useBoard = (filters: BoardFilters) => useQuery(boardQuery(filters));
