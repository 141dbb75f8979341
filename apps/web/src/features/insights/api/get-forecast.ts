import { queryOptions, useQuery } from '@tanstack/react-query';
import { Forecast } from '@altitude/shared/forecast';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** `GET /api/reports/forecast`: the current quarter's, whatever period the page shows. */
export const forecastQuery = () =>
  queryOptions({
    queryKey: queryKeys.reports('forecast', {}),
    queryFn: () => api.get('/api/reports/forecast', Forecast as never) as Promise<Forecast>,
    staleTime: 60_000,
  });
export const useForecast = () => useQuery(forecastQuery());
