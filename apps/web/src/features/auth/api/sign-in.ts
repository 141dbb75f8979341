import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MeResponse, type LoginBody } from '@altitude/shared/auth';
import { api } from '../../../lib/api-client';
import { startSession } from '../../../lib/session';

export const signIn = (body: LoginBody) => api.post('/api/auth/login', MeResponse, body);

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: signIn, onSuccess: ({ user }) => startSession(queryClient, user) });
}
