import { useQueryClient } from '@tanstack/react-query';
import type { Request } from '@altitude/shared/requests';
import { queryKeys } from '../../../lib/query-keys';

/** After any write to a request: the detail is replaced with the server's answer; lists and the board refetch. */
export function useSettleRequest() {
  const queryClient = useQueryClient();
  return (request?: Request) => {
    if (request) queryClient.setQueryData(queryKeys.requests.detail(request.id), request);
    void queryClient.invalidateQueries({ queryKey: queryKeys.requests.lists });
    void queryClient.invalidateQueries({ queryKey: queryKeys.board.all });
    if (request) void queryClient.invalidateQueries({ queryKey: queryKeys.requests.activity(request.id) });
  };
}
