import { useMutation } from '@tanstack/react-query';
import { TimeEntry, type UpdateTimeEntryBody } from '@altitude/shared/activity';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const updateTimeEntry = (entryId: number, body: UpdateTimeEntryBody) => api.patch(`/api/time-entries/${entryId}`, TimeEntry, body);

/** Corrects one entry of `requestId`'s time log. */
export function useUpdateTimeEntry(requestId: number) {
  // The log, the request's total, its activity, the board's card and the reports all move; a
  // refused correction (409 stale, 404 gone) refreshes them too, so the person sees what is there now.
  const refresh = useRefresh(
    queryKeys.requests.time(requestId),
    queryKeys.requests.detail(requestId),
    queryKeys.requests.activity(requestId),
    queryKeys.board.all,
    queryKeys.allReports,
  );
  return useMutation({
    mutationFn: ({ entryId, body }: { entryId: number; body: UpdateTimeEntryBody }) => updateTimeEntry(entryId, body),
    onSettled: refresh,
  });
}
