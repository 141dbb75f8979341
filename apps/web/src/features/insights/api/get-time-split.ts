import { useQuery } from '@tanstack/react-query';
import { TimeSplit, type GroupBy } from '@altitude/shared/insights';
import type { Period } from '../hooks/use-period';
import { reportQuery } from './report-query';

export const timeSplitQuery = (p: Period, groupBy: GroupBy) => reportQuery('time-split', TimeSplit, p, { groupBy });
export const useTimeSplit = (p: Period, groupBy: GroupBy) => useQuery(timeSplitQuery(p, groupBy));
