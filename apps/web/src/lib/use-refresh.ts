import { useQueryClient, type QueryKey } from '@tanstack/react-query';

/** After a write: refetch what the write changed (a key or a prefix of keys). */
export function useRefresh(...keys: QueryKey[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(() => undefined);
}
