import { queryOptions, useQuery } from '@tanstack/react-query';
import { AuthConfig } from '@altitude/shared/auth';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getAuthConfig = () => api.get('/api/auth/config', AuthConfig);

/** Set at the server's start: read once per page load. */
export const authConfigQuery = queryOptions({ queryKey: queryKeys.authConfig, queryFn: getAuthConfig, staleTime: Infinity });

export const useAuthConfig = () => useQuery(authConfigQuery);
