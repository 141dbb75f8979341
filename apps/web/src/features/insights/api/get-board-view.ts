import { queryOptions, useQuery } from '@tanstack/react-query';
import { BoardViewSettings } from '@altitude/shared/settings';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getBoardView = () => api.get('/api/settings/board-view', BoardViewSettings);
export const boardViewQuery = queryOptions({ queryKey: queryKeys.settings.boardView, queryFn: getBoardView, staleTime: 60_000 });
export const useBoardView = () => useQuery(boardViewQuery);
