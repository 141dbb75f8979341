import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MeResponse } from '@altitude/shared/auth';
import type { AcceptInvitationBody } from '@altitude/shared/invitations';
import { api } from '../../../lib/api-client';
import { startSession } from '../../../lib/session';

export const acceptInvitation = (body: AcceptInvitationBody) => api.post('/api/invitations/accept', MeResponse, body);

/** Accepting signs the new person in, as a sign-in does. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: acceptInvitation, onSuccess: ({ user }) => startSession(queryClient, user) });
}
