import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Request } from '@altitude/shared/requests';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const assignCard = (id: number, assigneeId: number, version: number) =>
  api.patch(`/api/requests/${id}`, Request, { assigneeId, version });

/**
 * Assigns a card from the board (the `a` key: to me). A plain callback like classifying: the
 * board reloads after it, and the cards need one stable function.
 */
export function useAssignCard() {
  const queryClient = useQueryClient();
  return useCallback(
    async (id: number, assigneeId: number, version: number) => {
      const updated = await assignCard(id, assigneeId, version);
      queryClient.setQueryData(queryKeys.requests.detail(id), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.board.all });
      return updated;
    },
    [queryClient],
  );
}
