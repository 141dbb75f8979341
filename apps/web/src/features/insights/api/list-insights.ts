import { useQuery } from '@tanstack/react-query';
import { InsightList } from '@altitude/shared/insights';
import type { Period } from '../hooks/use-period';
import { reportQuery } from './report-query';

export const insightsQuery = (p: Period) => reportQuery('insights', InsightList, p);
export const useInsights = (p: Period) => useQuery(insightsQuery(p));
