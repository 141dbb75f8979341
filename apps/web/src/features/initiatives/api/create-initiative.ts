import { useMutation } from '@tanstack/react-query';
import { Initiative, type CreateInitiativeBody } from '@altitude/shared/initiatives';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const createInitiative = (body: CreateInitiativeBody) => api.post('/api/initiatives', Initiative, body);

export function useCreateInitiative() {
  return useMutation({ mutationFn: createInitiative, onSuccess: useRefresh(queryKeys.initiatives.all, queryKeys.allReports) });
}
