import { useMutation } from '@tanstack/react-query';
import { TimeEntry } from '@altitude/shared/activity';
import { api } from '../../../lib/api-client';
import { useRefreshAfterTimeChange } from '../hooks/use-refresh-after-time-change';

/** PATCH /api/time-entries/:id (contract, API v2): the entry's version comes back; a stale one is 409. */
export interface UpdateTimeEntryBody {
  minutes?: number;
  date?: string;
  note?: string;
  version: number;
}

export const updateTimeEntry = (id: number, body: UpdateTimeEntryBody) => api.patch(`/api/time-entries/${id}`, TimeEntry, body);

export function useUpdateTimeEntry() {
  const refresh = useRefreshAfterTimeChange();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateTimeEntryBody & { id: number }) => updateTimeEntry(id, body),
    // A 409 means someone changed it meanwhile: the week is read again either way.
    onSettled: refresh,
  });
}
