import { useMutation } from '@tanstack/react-query';
import { Department } from '@altitude/shared/directory';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const renameDepartment = ({ id, name }: Department) => api.patch(`/api/departments/${id}`, Department, { name });

export function useRenameDepartment() {
  return useMutation({ mutationFn: renameDepartment, onSuccess: useRefresh(queryKeys.directory.departments) });
}
