import { queryOptions, useQuery } from '@tanstack/react-query';
import { WorkflowColumnList } from '@altitude/shared/settings';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listWorkflow = () => api.get('/api/settings/workflow', WorkflowColumnList);
export const workflowQuery = queryOptions({ queryKey: queryKeys.settings.workflow, queryFn: listWorkflow, select: (data) => data.items });
export const useWorkflow = () => useQuery(workflowQuery);
