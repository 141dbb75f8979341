import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const revokeInvitation = (id: number) => api.delete(`/api/invitations/${id}`, z.null());

export function useRevokeInvitation() {
  return useMutation({ mutationFn: revokeInvitation, onSuccess: useRefresh(queryKeys.settings.invitations) });
}
