import { useMutation, useQueryClient } from '@tanstack/react-query';
import { generateKeyBetween } from 'fractional-indexing';
import { reportClassOf, type Status } from '@altitude/shared/domain';
import { Request, type Board, type BoardColumn, type Card } from '@altitude/shared/requests';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { BoardFilters } from '../hooks/use-board-filters';

export interface MoveInput {
  card: Card;
  status: Status;
  above?: Card;
  below?: Card;
  note?: string;
  resolution?: 'declined' | 'handed_back';
}

/** A key that sorts between the neighbours, for display only; the server computes the real one. */
function provisionalPosition(above?: Card, below?: Card): string {
  try {
    return generateKeyBetween(above?.position ?? null, below?.position ?? null);
  } catch {
    return above?.position ?? below?.position ?? 'a0';
  }
}

function applyMove(board: Board, input: MoveInput): Board {
  const moved: Card = { ...input.card, status: input.status, position: provisionalPosition(input.above, input.below) };
  // The header, the WIP counter and the lane counts move with the card, so they agree at once.
  const shift = (col: BoardColumn, card: Card, by: 1 | -1): BoardColumn => {
    const lane = reportClassOf(card);
    return { ...col, count: col.count + by, total: col.total + by, laneCounts: { ...col.laneCounts, [lane]: col.laneCounts[lane] + by } };
  };
  return {
    columns: board.columns.map((col) => {
      const was = col.cards.find((c) => c.id === input.card.id);
      let next = was ? shift({ ...col, cards: col.cards.filter((c) => c !== was) }, was, -1) : col;
      if (col.status === input.status) next = shift({ ...next, cards: [...next.cards, moved] }, moved, 1);
      return next;
    }),
  };
}

/** Moves a card between `above` and `below` (the server computes its key from them as they are now). */
export const moveCard = (input: MoveInput) =>
  api.post(`/api/requests/${input.card.id}/move`, Request, {
    status: input.status,
    beforeId: input.above?.id ?? null,
    afterId: input.below?.id ?? null,
    version: input.card.version,
    ...(input.note ? { note: input.note } : {}),
    ...(input.resolution ? { resolution: input.resolution } : {}),
  });

/**
 * Optimistic move (TanStack Query's cache pattern): the card jumps at once; if the server
 * refuses, the board snaps back and the caller shows why.
 */
export function useMoveCard(filters: BoardFilters) {
  const queryClient = useQueryClient();
  const key = queryKeys.board.view(filters);
  return useMutation({
    mutationFn: moveCard,
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Board>(key);
      if (previous) queryClient.setQueryData<Board>(key, applyMove(previous, input));
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (request) => {
      queryClient.setQueryData<Board>(
        key,
        (board) =>
          board && {
            columns: board.columns.map((col) => ({
              ...col,
              cards: col.cards.map((c) => (c.id === request.id ? { ...c, ...stripLongText(request) } : c)),
            })),
          },
      );
      queryClient.setQueryData(queryKeys.requests.detail(request.id), request);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests.activity(request.id) });
    },
  });
}

export const stripLongText = ({ brief: _b, businessGoal: _g, audience: _a, ...card }: Request): Card => card;
