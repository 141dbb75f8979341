import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Department, type CreateDepartmentBody } from '@altitude/shared/directory';
import { api } from '../../../lib/api-client';

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['directory', 'departments'] });
}

export function useCreateDepartment() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateDepartmentBody) => api.post('/api/departments', Department, body), onSuccess: refresh });
}

export function useRenameDepartment() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, name }: Department) => api.patch(`/api/departments/${id}`, Department, { name }), onSuccess: refresh });
}
