import { useMutation } from '@tanstack/react-query';
import { Initiative, type UpdateInitiativeBody } from '@altitude/shared/initiatives';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const updateInitiative = ({ id, ...body }: UpdateInitiativeBody & { id: number }) =>
  api.patch(`/api/initiatives/${id}`, Initiative, body);

export function useUpdateInitiative() {
  return useMutation({ mutationFn: updateInitiative, onSuccess: useRefresh(queryKeys.initiatives.all, queryKeys.allReports) });
}
