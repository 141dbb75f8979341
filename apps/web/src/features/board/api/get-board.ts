import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api, queryString, readResponse } from '../../../lib/api-client';
import { rememberBoardReader, takeEarly } from '../../../lib/early-fetch';
import { queryKeys } from '../../../lib/query-keys';
import type { BoardFilters } from '../hooks/use-board-filters';
import { parseBoard } from './parse-board';

/**
 * The board's read; the page's first one takes the read public/board-early.js started, when it
 * matches. Its JSON is checked against `Board` in slices (parse-board.ts), not in one long task.
 */
export async function getBoard(filters: BoardFilters) {
  const url = `/api/board${queryString(filters)}`;
  const early = await takeEarly(url);
  const data = early ? await readResponse(url, early, z.unknown()) : await api.get(url, z.unknown());
  const board = await parseBoard(data);
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
