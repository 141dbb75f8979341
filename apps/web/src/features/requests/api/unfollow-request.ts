import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { useSettleFollow } from './follow-request';

/** 204: stops following as the signed-in user. */
export const unfollowRequest = (id: number) => api.delete(`/api/requests/${id}/followers`, z.null());

export function useUnfollowRequest() {
  const settle = useSettleFollow();
  return useMutation({ mutationFn: unfollowRequest, onSuccess: (_data, id) => settle(id) });
}
