import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Request } from '@altitude/shared/requests';
import type { NeedsInfoBody } from '@altitude/shared/service-levels';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useSettleRequest } from './settle-request';

export const askRequester = (id: number, body: NeedsInfoBody) => api.post(`/api/requests/${id}/needs-info`, Request, body);

/** Marketing sends the request back to its requester with a question; the clock pauses. */
export function useAskRequester(id: number) {
  const settle = useSettleRequest();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NeedsInfoBody) => askRequester(id, body),
    onSuccess: (request) => {
      settle(request);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests.needsInfo(id) });
    },
  });
}
