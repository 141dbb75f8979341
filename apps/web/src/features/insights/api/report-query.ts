import { queryOptions } from '@tanstack/react-query';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Period } from '../hooks/use-period';

/** A report of a period: `GET /api/reports/<name>?from=&to=…`, parsed by its shared schema. */
export const reportQuery = <T>(name: string, schema: { parse: (v: unknown) => T }, period: Period, extra: Record<string, string> = {}) =>
  queryOptions({
    queryKey: queryKeys.reports(name, { ...period }, extra),
    queryFn: () => api.get(`/api/reports/${name}${queryString({ ...period, ...extra })}`, schema as never) as Promise<T>,
    staleTime: 60_000,
  });
