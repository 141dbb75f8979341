import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { WorkflowColumn, WorkflowColumnList } from '@altitude/shared/settings';
import { api } from '../../../lib/api-client';

export const workflowQuery = queryOptions({
  queryKey: ['settings', 'workflow'],
  queryFn: () => api.get('/api/settings/workflow', WorkflowColumnList),
  select: (data) => data.items,
});

export const useWorkflow = () => useQuery(workflowQuery);

export function useSetWipLimit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ status, wipLimit }: WorkflowColumn) => api.put(`/api/settings/workflow/${status}`, WorkflowColumn, { wipLimit }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['settings', 'workflow'] });
      // The board shows each column's limit.
      void queryClient.invalidateQueries({ queryKey: ['board'] });
    },
  });
}
