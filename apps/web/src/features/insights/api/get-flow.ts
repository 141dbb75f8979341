import { useQuery } from '@tanstack/react-query';
import { Flow } from '@altitude/shared/insights';
import type { Period } from '../hooks/use-period';
import { reportQuery } from './report-query';

export const flowQuery = (p: Period) => reportQuery('flow', Flow, p);
export const useFlow = (p: Period) => useQuery(flowQuery(p));
