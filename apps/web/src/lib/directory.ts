import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
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

const none: never[] = [];

/**
 * id → item lookup for rendering names on cards and rows: maps built once per change of the
 * directory (the same object until then), so a list of a thousand rows reads names in O(1) and
 * memoised rows that take it do not re-render.
 */
export function useLookup() {
  const { data: departments = none } = useDepartments();
  const { data: types = none } = useRequestTypes();
  const { data: users = none } = useUsers();
  return useMemo(() => lookupOf(departments, types, users), [departments, types, users]);
}

export type Lookup = ReturnType<typeof lookupOf>;

export function lookupOf(departments: Department[], types: RequestType[], users: User[]) {
  const byId = <T extends { id: number }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
  const d = byId(departments);
  const t = byId(types);
  const u = byId(users);
  return {
    department: (id: number | null | undefined) => (typeof id === 'number' ? d.get(id) : undefined),
    type: (id: number | null | undefined) => (typeof id === 'number' ? t.get(id) : undefined),
    user: (id: number | null | undefined) => (typeof id === 'number' ? u.get(id) : undefined),
    departments,
    types,
    users,
  };
}
