import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { useRefreshAfterTimeChange } from '../hooks/use-refresh-after-time-change';

/** DELETE /api/time-entries/:id (contract, API v2): 204 with no body. */
export const deleteTimeEntry = (id: number) => api.delete(`/api/time-entries/${id}`, z.null());

export function useDeleteTimeEntry() {
  const refresh = useRefreshAfterTimeChange();
  return useMutation({ mutationFn: (id: number) => deleteTimeEntry(id), onSettled: refresh });
}
