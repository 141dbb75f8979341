import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Request } from '@altitude/shared/requests';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useSettleRequest } from './settle-request';

export const answerQuestion = (id: number, body: string) => api.post(`/api/requests/${id}/answer`, Request, { body });

/** The requester's side answers marketing's question; the clock resumes. */
export function useAnswerQuestion(id: number) {
  const settle = useSettleRequest();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => answerQuestion(id, body),
    onSuccess: (request) => {
      settle(request);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests.needsInfo(id) });
    },
  });
}
