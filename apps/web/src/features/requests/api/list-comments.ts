import { queryOptions, useQuery } from '@tanstack/react-query';
import { CommentList } from '@altitude/shared/activity';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listComments = (id: number) => api.get(`/api/requests/${id}/comments`, CommentList);
export const commentsQuery = (id: number) => queryOptions({ queryKey: queryKeys.requests.comments(id), queryFn: () => listComments(id) });
export const useComments = (id: number) => useQuery(commentsQuery(id));
