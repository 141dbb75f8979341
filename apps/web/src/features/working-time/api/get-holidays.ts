import { queryOptions, useQuery } from '@tanstack/react-query';
import { HolidayList } from '@altitude/shared/working-time';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getHolidays = () => api.get('/api/settings/holidays', HolidayList);
export const holidaysQuery = queryOptions({ queryKey: queryKeys.settings.holidays, queryFn: getHolidays, select: (data) => data.items });
export const useHolidays = () => useQuery(holidaysQuery);
