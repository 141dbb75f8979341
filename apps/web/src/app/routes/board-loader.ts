import type { QueryClient } from '@tanstack/react-query';
import { userMeets } from '@altitude/shared/domain';
import { boardQuery } from '../../features/board/api/get-board';
import { filtersFromSearch } from '../../features/board/hooks/use-board-filters';
import { departmentsQuery, requestTypesQuery, usersQuery } from '../../lib/directory';
import { meQueryOptions } from '../../lib/session';

/**
 * Starts fetching the cards while the board's code is still loading, but only for someone who
 * may see the board: a requester typing /board would otherwise fire a request that gets 403.
 * The directory (departments, types, people) comes along. Never awaited, so the page is not held back by the check.
 */
export function prefetchBoard(queryClient: QueryClient, url: string) {
  void queryClient
    .ensureQueryData(meQueryOptions)
    .then((user) => {
      if (!user || !userMeets(user, 'marketer')) return;
      // The names the cards show, alongside the cards: fetched by the cards themselves they came
      // after the first render and made a second render of every card.
      void queryClient.prefetchQuery(departmentsQuery);
      void queryClient.prefetchQuery(requestTypesQuery);
      void queryClient.prefetchQuery(usersQuery);
      return queryClient.prefetchQuery(boardQuery(filtersFromSearch(new URL(url).searchParams)));
    })
    .catch(() => undefined); // The page's own queries show any error.
  return null;
}
