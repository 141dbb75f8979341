import { useMutation } from '@tanstack/react-query';
import { Request, type CreateRequestBody } from '@altitude/shared/requests';
import { api } from '../../../lib/api-client';
import { useSettleRequest } from './settle-request';

export const createRequest = (body: CreateRequestBody) => api.post('/api/requests', Request, body);

export function useCreateRequest() {
  return useMutation({ mutationFn: createRequest, onSuccess: useSettleRequest() });
}
