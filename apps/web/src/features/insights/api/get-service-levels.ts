import { useQuery } from '@tanstack/react-query';
import { ServiceLevels, type ServiceLevelsQuery } from '@altitude/shared/service-levels';
import type { Period } from '../hooks/use-period';
import { reportQuery } from './report-query';

export type ServiceGrouping = ServiceLevelsQuery['groupBy'];

export const serviceLevelsQuery = (p: Period, groupBy: ServiceGrouping) => reportQuery('service-levels', ServiceLevels, p, { groupBy });
export const useServiceLevels = (p: Period, groupBy: ServiceGrouping) => useQuery(serviceLevelsQuery(p, groupBy));
