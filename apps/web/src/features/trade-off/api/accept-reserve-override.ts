import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ReserveOverride, type ReserveOverrideBody } from '@altitude/shared/reserve-trade-off';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const acceptReserveOverride = (id: number, body: ReserveOverrideBody) =>
  api.post(`/api/requests/${id}/reserve-overrides`, ReserveOverride, body);

/** "Accept anyway": records that the assignee's reserve is taken knowingly; the activity and the reports show it. */
export function useAcceptReserveOverride(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReserveOverrideBody) => acceptReserveOverride(id, body),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests.activity(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allReports });
    },
  });
}
