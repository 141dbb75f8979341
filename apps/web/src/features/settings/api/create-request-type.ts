import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RequestType, type CreateRequestTypeBody, type UpdateRequestTypeBody } from '@altitude/shared/directory';
import { api } from '../../../lib/api-client';

/** Every screen reads request types from the directory cache, so it is refreshed after a change. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['directory', 'request-types'] });
}

export function useCreateRequestType() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateRequestTypeBody) => api.post('/api/request-types', RequestType, body), onSuccess: refresh });
}

export function useUpdateRequestType() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateRequestTypeBody & { id: number }) => api.patch(`/api/request-types/${id}`, RequestType, body),
    onSuccess: refresh,
  });
}
