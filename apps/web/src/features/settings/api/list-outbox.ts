import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { OutboxList } from '@altitude/shared/outbox';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listOutbox = (cursor?: string) => api.get(`/api/outbox${queryString({ cursor, limit: 50 })}`, OutboxList);

export const outboxQuery = infiniteQueryOptions({
  queryKey: queryKeys.settings.outbox,
  queryFn: ({ pageParam }) => listOutbox(pageParam),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

export const useOutbox = () => useInfiniteQuery(outboxQuery);
