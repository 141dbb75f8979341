import { useMutation } from '@tanstack/react-query';
import { User } from '@altitude/shared/directory';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

/** `PATCH /api/users/:id` with only the weekly working time: the other fields stay the People tab's. */
export const setWeeklyMinutes = ({ id, weeklyMinutes }: { id: number; weeklyMinutes: number }) =>
  api.patch(`/api/users/${id}`, User, { weeklyMinutes });

export function useSetWeeklyMinutes() {
  return useMutation({ mutationFn: setWeeklyMinutes, onSuccess: useRefresh(queryKeys.directory.users, queryKeys.allReports) });
}
