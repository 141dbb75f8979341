import { queryOptions, useQuery } from '@tanstack/react-query';
import { MeResponse, type SessionUser } from '@altitude/shared/auth';
import { api, ApiError } from '../../../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when nobody is signed in. */
export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async (): Promise<SessionUser | null> => {
    try {
      return (await api.get('/api/auth/me', MeResponse)).user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export const useMe = () => useQuery(meQueryOptions);

/** The signed-in user inside pages that RequireAuth guards. */
export function useCurrentUser(): SessionUser {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}
