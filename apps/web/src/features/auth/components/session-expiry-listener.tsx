import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { unauthorizedEvent } from '../../../lib/api-client';
import { endSession } from '../../../lib/session';

/** When any call meets 401 the session is gone: forget the user, and RequireAuth redirects. */
export function SessionExpiryListener() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onUnauthorized = () => endSession(queryClient, { clearCache: false });
    window.addEventListener(unauthorizedEvent, onUnauthorized);
    return () => window.removeEventListener(unauthorizedEvent, onUnauthorized);
  }, [queryClient]);
  return null;
}
