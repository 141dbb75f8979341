import { useQuery } from '@tanstack/react-query';
import { Coverage } from '@altitude/shared/working-time';
import type { Period } from '../hooks/use-period';
import { reportQuery } from './report-query';

export const coverageQuery = (p: Period) => reportQuery('coverage', Coverage, p);
export const useCoverage = (p: Period) => useQuery(coverageQuery(p));
