import { useMutation } from '@tanstack/react-query';
import { BoardViewSettings, type PutBoardViewBody } from '@altitude/shared/settings';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const setBoardView = (body: PutBoardViewBody) => api.put('/api/settings/board-view', BoardViewSettings, body);

/** The reports are refetched too: what they leave out depends on the switch. */
export function useSetBoardView() {
  return useMutation({ mutationFn: setBoardView, onSuccess: useRefresh(queryKeys.settings.boardView, queryKeys.allReports) });
}
