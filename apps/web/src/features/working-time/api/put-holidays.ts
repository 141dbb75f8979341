import { useMutation } from '@tanstack/react-query';
import { HolidayList, type PutHolidaysBody } from '@altitude/shared/working-time';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const putHolidays = (body: PutHolidaysBody) => api.put('/api/settings/holidays', HolidayList, body);

/** Available time (coverage) depends on the list, so saved holidays refresh the reports too. */
export function usePutHolidays() {
  return useMutation({
    mutationFn: putHolidays,
    onSuccess: useRefresh(queryKeys.settings.holidays, queryKeys.allReports, queryKeys.capacity.all),
  });
}
