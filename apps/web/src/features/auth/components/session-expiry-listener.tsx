import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { unauthorizedEvent } from '../../../lib/api-client';
import { meQueryKey } from '../api/me';

/** When any call meets 401 the session is gone: forget the user, and RequireAuth redirects. */
export function SessionExpiryListener() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onUnauthorized = () => queryClient.setQueryData(meQueryKey, null);
    window.addEventListener(unauthorizedEvent, onUnauthorized);
    return () => window.removeEventListener(unauthorizedEvent, onUnauthorized);
  }, [queryClient]);
  return null;
}
