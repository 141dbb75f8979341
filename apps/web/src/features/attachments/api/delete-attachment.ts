import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const deleteAttachment = (id: number) => api.delete(`/api/attachments/${id}`, z.null());

export function useDeleteAttachment(requestId: number) {
  const refresh = useRefresh(queryKeys.requests.attachments(requestId), queryKeys.requests.activity(requestId));
  return useMutation({ mutationFn: deleteAttachment, onSuccess: refresh });
}
