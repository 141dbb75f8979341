import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { BoardColumn } from '@altitude/shared/requests';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { BoardFilters } from '../hooks/use-board-filters';

type ClosedStatus = 'done' | 'declined';

export const listOlderCards = (status: ClosedStatus, filters: BoardFilters, cursor: string) =>
  api.get(`/api/board/columns/${status}${queryString({ ...filters, cursor })}`, BoardColumn);

/** Older pages of a done or declined column, fetched only once asked for (`enable`). */
export function useOlderCards(status: ClosedStatus, filters: BoardFilters, first: string | null) {
  const [enabled, setEnabled] = useState(false);
  const query = useInfiniteQuery({
    queryKey: queryKeys.board.older(filters, status),
    enabled: enabled && first !== null,
    initialPageParam: first ?? '',
    queryFn: ({ pageParam }) => listOlderCards(status, filters, pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return Object.assign(query, { enable: () => setEnabled(true) });
}
