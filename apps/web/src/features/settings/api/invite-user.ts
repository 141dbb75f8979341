import { useMutation } from '@tanstack/react-query';
import { User, type InviteUserBody } from '@altitude/shared/directory';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const inviteUser = (body: InviteUserBody) => api.post('/api/users', User, body);

export function useInviteUser() {
  return useMutation({ mutationFn: inviteUser, onSuccess: useRefresh(queryKeys.directory.users) });
}
