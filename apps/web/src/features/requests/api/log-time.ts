import { useMutation } from '@tanstack/react-query';
import { TimeEntry, type CreateTimeEntryBody } from '@altitude/shared/activity';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const logTime = (id: number, body: CreateTimeEntryBody) => api.post(`/api/requests/${id}/time-entries`, TimeEntry, body);

export function useLogTime(id: number) {
  // The detail's logged total and the card on the board both change, and the entry joins the activity.
  const refresh = useRefresh(
    queryKeys.requests.time(id),
    queryKeys.requests.detail(id),
    queryKeys.requests.activity(id),
    queryKeys.board.all,
  );
  return useMutation({ mutationFn: (body: CreateTimeEntryBody) => logTime(id, body), onSuccess: refresh });
}
