import { useMutation } from '@tanstack/react-query';
import { Request, type MoveRequestBody } from '@altitude/shared/requests';
import { api } from '../../../lib/api-client';
import { useSettleRequest } from './settle-request';

export const moveRequest = (id: number, body: MoveRequestBody) => api.post(`/api/requests/${id}/move`, Request, body);

export function useMoveRequest() {
  return useMutation({
    mutationFn: ({ id, ...body }: MoveRequestBody & { id: number }) => moveRequest(id, body),
    onSuccess: useSettleRequest(),
  });
}
