import { useMutation } from '@tanstack/react-query';
import { Target } from '@altitude/shared/settings';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export const setTarget = ({ periodStart, strategicShare }: Target) =>
  api.put(`/api/settings/targets/${periodStart}`, Target, { strategicShare });

export function useSetTarget() {
  return useMutation({ mutationFn: setTarget, onSuccess: useRefresh(queryKeys.settings.targets) });
}
