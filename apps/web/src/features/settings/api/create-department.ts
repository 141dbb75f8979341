import { useMutation } from '@tanstack/react-query';
import { Department, type CreateDepartmentBody } from '@altitude/shared/directory';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const createDepartment = (body: CreateDepartmentBody) => api.post('/api/departments', Department, body);

export function useCreateDepartment() {
  return useMutation({ mutationFn: createDepartment, onSuccess: useRefresh(queryKeys.directory.departments) });
}
