import { queryOptions, useQuery } from '@tanstack/react-query';
import { TimeEntryList } from '@altitude/shared/activity';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listTimeEntries = (id: number) => api.get(`/api/requests/${id}/time-entries`, TimeEntryList);
export const timeEntriesQuery = (id: number) => queryOptions({ queryKey: queryKeys.requests.time(id), queryFn: () => listTimeEntries(id) });
export const useTimeEntries = (id: number, enabled = true) => useQuery({ ...timeEntriesQuery(id), enabled });
