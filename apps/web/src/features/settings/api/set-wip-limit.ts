import { useMutation } from '@tanstack/react-query';
import { WorkflowColumn } from '@altitude/shared/settings';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const setWipLimit = ({ status, wipLimit }: WorkflowColumn) =>
  api.put(`/api/settings/workflow/${status}`, WorkflowColumn, { wipLimit });

export function useSetWipLimit() {
  // The board shows each column's limit.
  return useMutation({ mutationFn: setWipLimit, onSuccess: useRefresh(queryKeys.settings.workflow, queryKeys.board.all) });
}
