import { useMutation } from '@tanstack/react-query';
import { RequestType, type UpdateRequestTypeBody } from '@altitude/shared/directory';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const updateRequestType = ({ id, ...body }: UpdateRequestTypeBody & { id: number }) =>
  api.patch(`/api/request-types/${id}`, RequestType, body);

export function useUpdateRequestType() {
  return useMutation({ mutationFn: updateRequestType, onSuccess: useRefresh(queryKeys.directory.requestTypes) });
}
