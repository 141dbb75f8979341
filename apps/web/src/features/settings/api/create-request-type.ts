import { useMutation } from '@tanstack/react-query';
import { RequestType, type CreateRequestTypeBody } from '@altitude/shared/directory';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const createRequestType = (body: CreateRequestTypeBody) => api.post('/api/request-types', RequestType, body);

/** Every screen reads request types from the directory cache, so it is refreshed after a change. */
export function useCreateRequestType() {
  return useMutation({ mutationFn: createRequestType, onSuccess: useRefresh(queryKeys.directory.requestTypes) });
}
