import { useQuery } from '@tanstack/react-query';
import { HandBack } from '@altitude/shared/insights';
import type { Period } from '../hooks/use-period';
import { reportQuery } from './report-query';

export const handBackQuery = (p: Period) => reportQuery('hand-back', HandBack, p);
export const useHandBack = (p: Period) => useQuery(handBackQuery(p));
