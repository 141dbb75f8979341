import { useMutation } from '@tanstack/react-query';
import { Request } from '@altitude/shared/requests';
import { api } from '../../../lib/api-client';
import { useSettleRequest } from './settle-request';

export const cancelRequest = (id: number, version: number) => api.post(`/api/requests/${id}/cancel`, Request, { version });

export function useCancelRequest(id: number) {
  return useMutation({ mutationFn: (version: number) => cancelRequest(id, version), onSuccess: useSettleRequest() });
}
