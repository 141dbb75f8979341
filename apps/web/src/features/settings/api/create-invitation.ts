import { useMutation } from '@tanstack/react-query';
import { CreatedInvitation, type InviteBody } from '@altitude/shared/invitations';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const createInvitation = (body: InviteBody) => api.post('/api/invitations', CreatedInvitation, body);

/** The outbox holds the invitation email too, so it is refreshed with the pending list. */
export function useCreateInvitation() {
  return useMutation({ mutationFn: createInvitation, onSuccess: useRefresh(queryKeys.settings.invitations, queryKeys.settings.outbox) });
}
