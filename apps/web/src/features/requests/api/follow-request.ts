import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { FollowBody } from '@altitude/shared/service-levels';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** 204: follows as the signed-in user; `source: 'intake'` when the new-request form offered it instead of a duplicate. */
export const followRequest = (id: number, body: FollowBody) => api.post(`/api/requests/${id}/followers`, z.null(), body);

/** After following or unfollowing: the Following list and the request's activity change. */
export function useSettleFollow() {
  const queryClient = useQueryClient();
  return (id: number) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.requests.lists }),
      queryClient.invalidateQueries({ queryKey: queryKeys.requests.activity(id) }),
    ]).then(() => undefined);
}

export function useFollowRequest() {
  const settle = useSettleFollow();
  return useMutation({
    mutationFn: ({ id, source }: { id: number; source?: FollowBody['source'] }) => followRequest(id, source ? { source } : {}),
    onSuccess: (_data, { id }) => settle(id),
  });
}
