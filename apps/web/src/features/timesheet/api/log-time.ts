import { useMutation } from '@tanstack/react-query';
import { TimeEntry, type CreateTimeEntryBody } from '@altitude/shared/activity';
import { api } from '../../../lib/api-client';
import { useRefreshAfterTimeChange } from '../hooks/use-refresh-after-time-change';

export const logTime = (requestId: number, body: CreateTimeEntryBody) =>
  api.post(`/api/requests/${requestId}/time-entries`, TimeEntry, body);

export function useLogTime() {
  const refresh = useRefreshAfterTimeChange();
  return useMutation({
    mutationFn: ({ requestId, ...body }: CreateTimeEntryBody & { requestId: number }) => logTime(requestId, body),
    onSuccess: refresh,
  });
}
