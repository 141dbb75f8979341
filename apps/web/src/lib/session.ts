import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { MeResponse, type SessionUser } from '@altitude/shared/auth';
import { api, ApiError } from './api-client';
import { queryKeys } from './query-keys';

/**
 * Whether this browser believes it holds a session. The session cookie is HttpOnly, so the page
 * cannot see it; asking `GET /api/auth/me` without one answers 401, which Chromium prints as a
 * console error on every signed-out page. The hint is set when a sign-in or a `/me` succeeds and
 * cleared on sign-out or any 401, so a signed-out browser never asks and a signed-in one asks
 * once. A session the hint does not know of (made before this hint existed) signs in again.
 */
const hintKey = 'altitude:session';

function readHint(): boolean {
  try {
    return window.localStorage.getItem(hintKey) === '1';
  } catch {
    return true; // No storage (a locked-down browser): ask the server, as before.
  }
}

function writeHint(signedIn: boolean) {
  try {
    if (signedIn) window.localStorage.setItem(hintKey, '1');
    else window.localStorage.removeItem(hintKey);
  } catch {
    // Nothing to remember with.
  }
}

/** The signed-in user, or null when nobody is signed in (a 401 is an expected answer here). */
export const meQueryOptions = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async (): Promise<SessionUser | null> => {
    if (!readHint()) return null;
    try {
      const { user } = await api.get('/api/auth/me', MeResponse);
      writeHint(true);
      return user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        writeHint(false);
        return null;
      }
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

/** A sign-in succeeded: nothing a previous user had cached may leak into this session. */
export function startSession(queryClient: QueryClient, user: SessionUser) {
  queryClient.clear();
  writeHint(true);
  queryClient.setQueryData(queryKeys.me, user);
}

/** Signed out, or the server answered 401: forget the user (RequireAuth then redirects). */
export function endSession(queryClient: QueryClient, { clearCache }: { clearCache: boolean }) {
  if (clearCache) queryClient.clear();
  writeHint(false);
  queryClient.setQueryData(queryKeys.me, null);
}
