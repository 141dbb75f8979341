import { useMutation } from '@tanstack/react-query';
import { Request, type UpdateRequestBody } from '@altitude/shared/requests';
import { api } from '../../../lib/api-client';
import { useSettleRequest } from './settle-request';

export const updateRequest = (id: number, body: UpdateRequestBody) => api.patch(`/api/requests/${id}`, Request, body);

export function useUpdateRequest(id: number) {
  return useMutation({ mutationFn: (body: UpdateRequestBody) => updateRequest(id, body), onSuccess: useSettleRequest() });
}
