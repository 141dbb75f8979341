import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ChangeEvent } from '@altitude/shared/events';
import type { Board, Card } from '@altitude/shared/requests';
import { applyNotificationsChanged } from '../features/notifications/api/list-notifications';
import { queryKeys } from '../lib/query-keys';
import { withCard } from './board-patch';

/** Puts a changed card where it now belongs in an unfiltered board; filtered boards refetch instead. */
function patchBoards(queryClient: QueryClient, card: Card) {
  for (const [key, board] of queryClient.getQueriesData<Board>({ queryKey: queryKeys.board.all })) {
    const filters = key[1] as Record<string, string> | undefined;
    if (!board || key.length !== 2) continue;
    if (filters && Object.keys(filters).length > 0) {
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
      continue;
    }
    const existing = board.columns.flatMap((c) => c.cards).find((c) => c.id === card.id);
    if (existing && existing.version >= card.version) continue;
    queryClient.setQueryData<Board>(key, withCard(board, card));
  }
}

/**
 * Logged time changes one number on one card, and no filter selects by it: every board held
 * (filtered or not) takes the new total in place instead of refetching 1,000 cards for everyone
 * on the team each time someone logs 15 minutes. Older pages of a closed column, fetched only on
 * demand, simply refetch.
 */
function patchLoggedMinutes(queryClient: QueryClient, requestId: number, loggedMinutes: number) {
  for (const [key, board] of queryClient.getQueriesData<Board>({ queryKey: queryKeys.board.all })) {
    if (!board) continue;
    if (key.length !== 2) {
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
      continue;
    }
    if (!board.columns.some((col) => col.cards.some((c) => c.id === requestId))) continue;
    queryClient.setQueryData<Board>(key, {
      ...board,
      columns: board.columns.map((col) =>
        col.cards.some((c) => c.id === requestId)
          ? { ...col, cards: col.cards.map((c) => (c.id === requestId ? { ...c, loggedMinutes } : c)) }
          : col,
      ),
    });
  }
}

/**
 * Listens to GET /api/events while signed in and keeps TanStack Query's cache current, so a
 * colleague's moves, edits and new requests appear without reloading. EventSource reconnects
 * by itself after a drop; on reconnect everything is refetched in case events were missed.
 * A stream the server refuses (too many open for this person, or for the server: 429/503) is
 * one EventSource never retries, so it is opened again after a growing pause (30 s to 5 min).
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let source: EventSource;
    let opened = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pauseMs = 30_000;
    const connect = () => {
      source = new EventSource('/api/events');
      source.onerror = () => {
        if (source.readyState !== EventSource.CLOSED) return;
        retry = setTimeout(connect, pauseMs);
        pauseMs = Math.min(pauseMs * 2, 5 * 60_000);
      };
      source.onopen = () => {
        pauseMs = 30_000;
        if (opened)
          void queryClient
            .invalidateQueries({ queryKey: queryKeys.requests.all })
            .then(() => queryClient.invalidateQueries({ queryKey: queryKeys.board.all }))
            .then(() => queryClient.invalidateQueries({ queryKey: queryKeys.capacity.all }))
            .then(() => queryClient.invalidateQueries({ queryKey: queryKeys.notifications.lists }));
        opened = true;
      };
      source.addEventListener('change', (message) => {
        const parsed = ChangeEvent.safeParse(JSON.parse((message as MessageEvent<string>).data));
        if (!parsed.success) return;
        const event = parsed.data;
        switch (event.type) {
          case 'request.created':
          case 'request.updated':
            patchBoards(queryClient, event.card);
            void queryClient.invalidateQueries({ queryKey: queryKeys.requests.lists });
            void queryClient.invalidateQueries({ queryKey: queryKeys.requests.detail(event.card.id) });
            // An assignment, estimate, date, class or status moves someone's committed load.
            void queryClient.invalidateQueries({ queryKey: queryKeys.capacity.all });
            break;
          case 'request.commented':
            void queryClient.invalidateQueries({ queryKey: queryKeys.requests.comments(event.requestId) });
            void queryClient.invalidateQueries({ queryKey: queryKeys.requests.activity(event.requestId) });
            break;
          case 'request.time_logged':
            // Logged, corrected or deleted time: the request (its log and activity are under its key),
            // the board's card (patched in place) and every report move.
            void queryClient.invalidateQueries({ queryKey: queryKeys.requests.detail(event.requestId) });
            patchLoggedMinutes(queryClient, event.requestId, event.loggedMinutes);
            void queryClient.invalidateQueries({ queryKey: queryKeys.allReports });
            // Logged time lowers what remains of the estimate.
            void queryClient.invalidateQueries({ queryKey: queryKeys.capacity.all });
            break;
          case 'notifications.changed':
            applyNotificationsChanged(queryClient, event);
            break;
          case 'column.rebalanced':
            void queryClient.invalidateQueries({ queryKey: queryKeys.board.all });
            break;
        }
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [queryClient]);
  return null;
}
