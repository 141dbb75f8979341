import { queryOptions } from '@tanstack/react-query';
import { Flow, HandBack, Headline, InsightList, TimeSplit, type GroupBy } from '@altitude/shared/insights';
import { api, queryString } from '../../../lib/api-client';
import type { Period } from '../hooks/use-period';

const report = <T>(name: string, schema: { parse: (v: unknown) => T }, period: Period, extra: Record<string, string> = {}) =>
  queryOptions({
    queryKey: ['reports', name, period, extra],
    queryFn: () => api.get(`/api/reports/${name}${queryString({ ...period, ...extra })}`, schema as never) as Promise<T>,
    staleTime: 60_000,
  });

export const headlineQuery = (p: Period) => report('headline', Headline, p);
export const timeSplitQuery = (p: Period, groupBy: GroupBy) => report('time-split', TimeSplit, p, { groupBy });
export const flowQuery = (p: Period) => report('flow', Flow, p);
export const handBackQuery = (p: Period) => report('hand-back', HandBack, p);
export const insightsQuery = (p: Period) => report('insights', InsightList, p);

export const exportUrl = (file: 'requests.csv' | 'time-entries.csv', p: Period) => `/api/exports/${file}${queryString({ ...p })}`;
