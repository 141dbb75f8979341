import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { ConflictBody } from '@altitude/shared/requests';
import { ApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** A stale write gets 409: say so, and offer the fresh card instead of overwriting. */
export function useConflictNotice() {
  const queryClient = useQueryClient();
  return (error: Error, id: number) => {
    if (error instanceof ApiError && error.status === 409) {
      const conflict = ConflictBody.safeParse(error.problem);
      if (conflict.success) queryClient.setQueryData(queryKeys.requests.detail(id), conflict.data.current);
      void queryClient.invalidateQueries({ queryKey: queryKeys.board.all });
      notifications.show({
        color: 'orange',
        title: 'Changed by someone else',
        message: 'The card was reloaded with their changes. Make your edit again if it is still needed.',
      });
    } else {
      notifications.show({ color: 'red', title: 'Not saved', message: error.message });
    }
  };
}
