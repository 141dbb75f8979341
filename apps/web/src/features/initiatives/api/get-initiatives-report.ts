import { queryOptions, useQuery } from '@tanstack/react-query';
import { InitiativesReport } from '@altitude/shared/initiatives';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface ReportPeriod {
  from: string;
  to: string;
}

/** `GET /api/reports/initiatives?from=&to=`: under the reports key, so whatever refreshes reports refreshes it. */
export const initiativesReportQuery = (period: ReportPeriod) =>
  queryOptions({
    queryKey: queryKeys.reports('initiatives', { ...period }),
    queryFn: () => api.get(`/api/reports/initiatives${queryString({ ...period })}`, InitiativesReport),
    staleTime: 60_000,
  });
export const useInitiativesReport = (period: ReportPeriod) => useQuery(initiativesReportQuery(period));
