import { useQuery } from '@tanstack/react-query';
import { ReserveOverridesReport } from '@altitude/shared/reserve-trade-off';
import type { Period } from '../hooks/use-period';
import { reportQuery } from './report-query';

export const reserveOverridesQuery = (p: Period) => reportQuery('reserve-overrides', ReserveOverridesReport, p);
export const useReserveOverrides = (p: Period) => useQuery(reserveOverridesQuery(p));
