import { useMutation } from '@tanstack/react-query';
import { User, type UpdateUserBody } from '@altitude/shared/directory';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const updateUser = ({ id, ...body }: UpdateUserBody & { id: number }) => api.patch(`/api/users/${id}`, User, body);

export function useUpdateUser() {
  return useMutation({ mutationFn: updateUser, onSuccess: useRefresh(queryKeys.directory.users) });
}
