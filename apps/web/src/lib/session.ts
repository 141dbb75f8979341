import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { SessionResponse, type SessionUser } from '@altitude/shared/auth';
import { api } from './api-client';
import { forgetBoardReader } from './early-fetch';
import { queryKeys } from './query-keys';

/**
 * The signed-in user, or null when nobody is. It asks `GET /api/auth/session`, which answers 200
 * either way: asking `/me` signed out answers 401, which the browser prints as a console error
 * on every signed-out page. Any session cookie counts, however it was made.
 */
export const meQueryOptions = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async (): Promise<SessionUser | null> => {
    const { user } = await api.get('/api/auth/session', SessionResponse);
    if (!user) forgetBoardReader();
    return user;
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

/** A sign-in succeeded: nothing a previous user had cached may leak into this session. */
export function startSession(queryClient: QueryClient, user: SessionUser) {
  forgetBoardReader();
  queryClient.clear();
  queryClient.setQueryData(queryKeys.me, user);
}

/** Signed out, or the server answered 401: forget the user (RequireAuth then redirects). */
export function endSession(queryClient: QueryClient, { clearCache }: { clearCache: boolean }) {
  forgetBoardReader();
  if (clearCache) queryClient.clear();
  queryClient.setQueryData(queryKeys.me, null);
}
