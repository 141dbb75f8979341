import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const deleteTimeEntry = (entryId: number) => api.delete(`/api/time-entries/${entryId}`, z.null());

/** Deletes one entry of `requestId`'s time log. */
export function useDeleteTimeEntry(requestId: number) {
  const refresh = useRefresh(
    queryKeys.requests.time(requestId),
    queryKeys.requests.detail(requestId),
    queryKeys.requests.activity(requestId),
    queryKeys.board.all,
    queryKeys.allReports,
  );
  return useMutation({ mutationFn: (entryId: number) => deleteTimeEntry(entryId), onSettled: refresh });
}
