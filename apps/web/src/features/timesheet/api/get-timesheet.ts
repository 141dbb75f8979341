import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Timesheet } from '@altitude/shared/timesheet';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Whose week and which: both optional, the server fills in the caller and this week in the company's time zone. */
export interface TimesheetParams {
  week?: string;
  userId?: string;
}

export const getTimesheet = (params: TimesheetParams) => api.get(`/api/timesheet${queryString({ ...params })}`, Timesheet);

export const useTimesheet = (params: TimesheetParams) =>
  // The previous week stays on screen while the next loads, so the grid does not jump.
  useQuery({ queryKey: queryKeys.timesheet.week({ ...params }), queryFn: () => getTimesheet(params), placeholderData: keepPreviousData });
