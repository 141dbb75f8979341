import { queryOptions, useQuery } from '@tanstack/react-query';
import { InvitationList } from '@altitude/shared/invitations';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listInvitations = () => api.get('/api/invitations', InvitationList);

export const invitationsQuery = queryOptions({ queryKey: queryKeys.settings.invitations, queryFn: listInvitations });

export const useInvitations = () => useQuery({ ...invitationsQuery, select: (d) => d.items });
