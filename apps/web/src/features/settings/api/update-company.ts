import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CompanySettings, type PutCompanyBody } from '@altitude/shared/settings';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const updateCompany = (body: PutCompanyBody) => api.put('/api/settings/company', CompanySettings, body);

export function useUpdateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCompany,
    onSuccess: (company) => {
      queryClient.setQueryData(queryKeys.settings.company, company);
      // The holidays answer carries the time zone (the business calendar's other half).
      void queryClient.invalidateQueries({ queryKey: queryKeys.settings.holidays });
    },
  });
}
