import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Classification } from '@altitude/shared/domain';
import { Request, type ClassificationBody } from '@altitude/shared/requests';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const classifyCard = (id: number, body: ClassificationBody) => api.put(`/api/requests/${id}/classification`, Request, body);

/**
 * Classifies a card from the board (a key press, or the prompt before it leaves intake) and
 * returns the updated request. A plain callback rather than a mutation: the prompt chains the
 * move after it, and the card list needs one stable function for all its memoised cards.
 */
export function useClassifyCard() {
  const queryClient = useQueryClient();
  return useCallback(
    async (id: number, classification: Classification, note: string | undefined, version: number) => {
      const updated = await classifyCard(id, { classification, version, ...(note ? { note } : {}) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.board.all });
      return updated;
    },
    [queryClient],
  );
}
