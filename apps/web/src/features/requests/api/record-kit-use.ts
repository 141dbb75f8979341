import { useMutation } from '@tanstack/react-query';
import { KitOutcomeRecord } from '@altitude/shared/self-serve-kits';
import { api } from '../../../lib/api-client';

/** The requester used the type's self-serve kit instead of filing: a request avoided. */
export const recordKitUse = (typeId: number) =>
  api.post(`/api/request-types/${typeId}/kit-outcomes`, KitOutcomeRecord, { outcome: 'used' });

export function useRecordKitUse() {
  return useMutation({ mutationFn: recordKitUse });
}
