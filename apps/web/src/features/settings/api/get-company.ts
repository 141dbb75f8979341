import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CompanySettings, type PutCompanyBody } from '@altitude/shared/settings';
import { api } from '../../../lib/api-client';

export const companyQuery = queryOptions({
  queryKey: ['settings', 'company'],
  queryFn: () => api.get('/api/settings/company', CompanySettings),
});

export const useCompany = () => useQuery(companyQuery);

export function useSetCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutCompanyBody) => api.put('/api/settings/company', CompanySettings, body),
    onSuccess: (company) => queryClient.setQueryData(companyQuery.queryKey, company),
  });
}
