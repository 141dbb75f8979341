import { useMutation } from '@tanstack/react-query';
import { Comment } from '@altitude/shared/activity';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const addComment = (id: number, body: string) => api.post(`/api/requests/${id}/comments`, Comment, { body });

export function useAddComment(id: number) {
  const refresh = useRefresh(queryKeys.requests.comments(id), queryKeys.requests.activity(id));
  return useMutation({ mutationFn: (body: string) => addComment(id, body), onSuccess: refresh });
}
