import { queryOptions, useQuery } from '@tanstack/react-query';
import { InvitationLookup } from '@altitude/shared/invitations';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const lookupInvitation = (token: string) => api.get(`/api/invitations/lookup${queryString({ token })}`, InvitationLookup);

/** A dead link (404, 410) is an answer to show, not something to retry. */
export const invitationQuery = (token: string) =>
  queryOptions({ queryKey: queryKeys.invitation(token), queryFn: () => lookupInvitation(token), retry: false, enabled: token !== '' });

export const useInvitationLookup = (token: string) => useQuery(invitationQuery(token));
