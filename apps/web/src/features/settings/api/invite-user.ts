import { useMutation, useQueryClient } from '@tanstack/react-query';
import { User, type InviteUserBody, type UpdateUserBody } from '@altitude/shared/directory';
import { api } from '../../../lib/api-client';

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['directory', 'users'] });
}

export function useInviteUser() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: InviteUserBody) => api.post('/api/users', User, body), onSuccess: refresh });
}

export function useUpdateUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserBody & { id: number }) => api.patch(`/api/users/${id}`, User, body),
    onSuccess: refresh,
  });
}
