import { useMutation } from '@tanstack/react-query';
import { Request, type ClassificationBody } from '@altitude/shared/requests';
import { api } from '../../../lib/api-client';
import { useSettleRequest } from './settle-request';

export const classifyRequest = (id: number, body: ClassificationBody) => api.put(`/api/requests/${id}/classification`, Request, body);

export function useClassifyRequest(id: number) {
  return useMutation({ mutationFn: (body: ClassificationBody) => classifyRequest(id, body), onSuccess: useSettleRequest() });
}
