import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api, queryString, readResponse } from '../../../lib/api-client';
import { rememberBoardReader, takeEarly } from '../../../lib/early-fetch';
import { queryKeys } from '../../../lib/query-keys';
import type { BoardFilters } from '../hooks/use-board-filters';
import { checkAfterRender } from '../hooks/use-board-check';

/**
 * The board's read; the page's first one takes the read public/board-early.js started, when it
 * matches. Its JSON is checked against `Board` once the page has drawn it (use-board-check.ts).
 */
export async function getBoard(filters: BoardFilters) {
  const url = `/api/board${queryString(filters)}`;
  const early = await takeEarly(url);
  const data = early ? await readResponse(url, early, z.unknown()) : await api.get(url, z.unknown());
  const board = checkAfterRender(data);
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
