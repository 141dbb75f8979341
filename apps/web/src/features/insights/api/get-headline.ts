import { useQuery } from '@tanstack/react-query';
import { Headline } from '@altitude/shared/insights';
import type { Period } from '../hooks/use-period';
import { reportQuery } from './report-query';

export const headlineQuery = (p: Period) => reportQuery('headline', Headline, p);
export const useHeadline = (p: Period) => useQuery(headlineQuery(p));
