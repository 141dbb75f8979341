import { queryOptions, useQuery } from '@tanstack/react-query';
import { Board } from '@altitude/shared/requests';
import { api, queryString, readResponse } from '../../../lib/api-client';
import { rememberBoardReader, takeEarly } from '../../../lib/early-fetch';
import { queryKeys } from '../../../lib/query-keys';
import type { BoardFilters } from '../hooks/use-board-filters';

/** The board's read; the page's first one takes the read public/board-early.js started, when it matches. */
export async function getBoard(filters: BoardFilters) {
  const url = `/api/board${queryString(filters)}`;
  const early = await takeEarly(url);
  const board = early ? await readResponse(url, early, Board) : await api.get(url, Board);
  rememberBoardReader();
  return board;
}

export const boardQuery = (filters: BoardFilters) =>
  queryOptions({
    queryKey: queryKeys.board.view(filters),
    queryFn: () => getBoard(filters),
    staleTime: 60_000,
  });

export const useBoard = (filters: BoardFilters) => useQuery(boardQuery(filters));
