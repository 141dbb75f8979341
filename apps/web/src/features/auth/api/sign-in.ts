import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MeResponse, type LoginBody } from '@altitude/shared/auth';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { meQueryKey } from './me';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post('/api/auth/login', MeResponse, body),
    onSuccess: ({ user }) => {
      // Whatever a previous user had cached must not leak into this session.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout', z.null()),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
