import { Center, Loader } from '@mantine/core';
import { useDeferredValue, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../../lib/session';

/** Sends anyone not signed in to the sign-in page, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: user, isPending: sessionPending } = useMe();
  // The session's arrival renders the app behind it (the shell, and on /board the board with the
  // cards the loader already fetched) as a deferred value: React renders it in slices it yields
  // between, where a query's update alone renders in one synchronous task. A session already
  // known when this mounts (a sign-in, a move within the app) renders at once, as before.
  const isPending = useDeferredValue(sessionPending);
  const location = useLocation();
  if (isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  return children;
}
