import { queryOptions, useQuery } from '@tanstack/react-query';
import { DepartmentList, RequestTypeList, UserList, type Department, type RequestType, type User } from '@altitude/shared/directory';
import { api } from './api-client';
import { queryKeys } from './query-keys';

/** Departments, request types and people: small, read by every feature, cached for the session. */
const directory = <T>(queryKey: readonly string[], url: string, schema: { parse: (v: unknown) => { items: T[] } }) =>
  queryOptions({
    queryKey,
    queryFn: async () => (await api.get(url, schema as never)) as { items: T[] },
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });

export const departmentsQuery = directory<Department>(queryKeys.directory.departments, '/api/departments', DepartmentList);
export const requestTypesQuery = directory<RequestType>(queryKeys.directory.requestTypes, '/api/request-types', RequestTypeList);
export const usersQuery = directory<User>(queryKeys.directory.users, '/api/users', UserList);

export const useDepartments = () => useQuery(departmentsQuery);
export const useRequestTypes = () => useQuery(requestTypesQuery);
export const useUsers = () => useQuery(usersQuery);

/** id → item lookup for rendering names on cards and rows. */
export function useLookup() {
  const { data: departments = [] } = useDepartments();
  const { data: types = [] } = useRequestTypes();
  const { data: users = [] } = useUsers();
  return {
    department: (id: number | null | undefined) => departments.find((d) => d.id === id),
    type: (id: number | null | undefined) => types.find((t) => t.id === id),
    user: (id: number | null | undefined) => users.find((u) => u.id === id),
    departments,
    types,
    users,
  };
}
