import { useMutation } from '@tanstack/react-query';
import { User } from '@altitude/shared/directory';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export interface WorkingTimeChange {
  id: number;
  weeklyMinutes?: number;
  strategicReserveMinutes?: number;
}

/** `PATCH /api/users/:id` with only the working week and the strategic reserve: the other fields stay the People tab's. */
export const setWorkingTime = ({ id, ...changes }: WorkingTimeChange) => api.patch(`/api/users/${id}`, User, changes);

/** Coverage (reports) counts the week; the Capacity view counts both. */
export function useSetWorkingTime() {
  return useMutation({
    mutationFn: setWorkingTime,
    onSuccess: useRefresh(queryKeys.directory.users, queryKeys.allReports, queryKeys.capacity.all),
  });
}
