import { queryOptions, useQuery } from '@tanstack/react-query';
import { BusinessCalendar } from '@altitude/shared/business-time';
import { HolidayList } from '@altitude/shared/working-time';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * The company's business calendar (time zone and holidays), from the holidays answer every
 * signed-in person may read: the new-request form promises the date the server will store.
 * Same key as the holidays editor's query, so saving holidays refreshes the promise too.
 */
export const getBusinessCalendar = () => api.get('/api/settings/holidays', HolidayList);

const toCalendar = (answer: HolidayList) =>
  new BusinessCalendar(
    answer.timezone,
    answer.items.map((h) => h.date),
  );

export const businessCalendarQuery = queryOptions({
  queryKey: queryKeys.settings.holidays,
  queryFn: getBusinessCalendar,
  staleTime: 10 * 60_000,
  select: toCalendar,
});

export const useBusinessCalendar = () => useQuery(businessCalendarQuery);
