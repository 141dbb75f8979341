import { useQuery } from '@tanstack/react-query';
import { Overrides } from '@altitude/shared/overrides';
import type { Period } from '../hooks/use-period';
import { reportQuery } from './report-query';

export const overridesQuery = (p: Period) => reportQuery('overrides', Overrides, p);
export const useOverrides = (p: Period) => useQuery(overridesQuery(p));
