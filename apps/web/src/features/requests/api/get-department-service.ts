import { queryOptions, useQuery } from '@tanstack/react-query';
import { DepartmentService } from '@altitude/shared/service-levels';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getDepartmentService = () => api.get('/api/requests/department-service', DepartmentService);
export const departmentServiceQuery = () =>
  queryOptions({ queryKey: queryKeys.requests.departmentService, queryFn: getDepartmentService, staleTime: 60_000 });
export const useDepartmentService = () => useQuery(departmentServiceQuery());
