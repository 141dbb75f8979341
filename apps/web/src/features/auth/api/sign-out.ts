import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { endSession } from '../../../lib/session';

export const signOut = () => api.post('/api/auth/logout', z.null());

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: signOut, onSettled: () => endSession(queryClient, { clearCache: true }) });
}
