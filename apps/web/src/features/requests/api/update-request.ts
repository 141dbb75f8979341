import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Comment, TimeEntry, type CreateTimeEntryBody } from '@altitude/shared/activity';
import { Request, type ClassificationBody, type CreateRequestBody, type MoveRequestBody, type UpdateRequestBody } from '@altitude/shared/requests';
import { api } from '../../../lib/api-client';
import { requestKeys } from './request-queries';

/** After any write: the detail is replaced with the server's answer; lists and the board refetch. */
function useSettle() {
  const queryClient = useQueryClient();
  return (request?: Request) => {
    if (request) queryClient.setQueryData(requestKeys.detail(request.id), request);
    void queryClient.invalidateQueries({ queryKey: ['requests', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['board'] });
    if (request) void queryClient.invalidateQueries({ queryKey: requestKeys.activity(request.id) });
  };
}

export function useCreateRequest() {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: CreateRequestBody) => api.post('/api/requests', Request, body), onSuccess: settle });
}

export function useUpdateRequest(id: number) {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: UpdateRequestBody) => api.patch(`/api/requests/${id}`, Request, body), onSuccess: settle });
}

export function useClassify(id: number) {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: ClassificationBody) => api.put(`/api/requests/${id}/classification`, Request, body), onSuccess: settle });
}

export function useMoveRequest() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, ...body }: MoveRequestBody & { id: number }) => api.post(`/api/requests/${id}/move`, Request, body),
    onSuccess: settle,
  });
}

export function useCancelRequest(id: number) {
  const settle = useSettle();
  return useMutation({ mutationFn: (version: number) => api.post(`/api/requests/${id}/cancel`, Request, { version }), onSuccess: settle });
}

export function useAddComment(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post(`/api/requests/${id}/comments`, Comment, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: requestKeys.comments(id) });
      void queryClient.invalidateQueries({ queryKey: requestKeys.activity(id) });
    },
  });
}

export function useLogTime(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTimeEntryBody) => api.post(`/api/requests/${id}/time-entries`, TimeEntry, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: requestKeys.time(id) });
      void queryClient.invalidateQueries({ queryKey: requestKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: requestKeys.activity(id) });
      void queryClient.invalidateQueries({ queryKey: ['board'] });
    },
  });
}
