import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { SimilarList } from '@altitude/shared/service-levels';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listSimilar = (q: string) => api.get(`/api/requests/similar${queryString({ q })}`, SimilarList);
export const similarQuery = (q: string) => queryOptions({ queryKey: queryKeys.requests.similar(q), queryFn: () => listSimilar(q) });

/** Requests like `q` (already debounced by the caller); nothing is asked below 3 characters. */
export function useSimilarRequests(q: string) {
  const text = q.trim();
  // The previous answer stays up while the next word's is on its way, so the list does not blink.
  return useQuery({ ...similarQuery(text), enabled: text.length >= 3, placeholderData: keepPreviousData });
}
