import { queryOptions, useQuery } from '@tanstack/react-query';
import { CompanySettings } from '@altitude/shared/settings';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getCompany = () => api.get('/api/settings/company', CompanySettings);
export const companyQuery = queryOptions({ queryKey: queryKeys.settings.company, queryFn: getCompany });
export const useCompany = () => useQuery(companyQuery);
