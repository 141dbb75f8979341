import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { MentionCandidates } from '@altitude/shared/mentions';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** People who may see the request whose name or handle matches `q`: only they can be mentioned. */
export const listMentionable = (id: number, q: string) =>
  api.get(`/api/requests/${id}/mentionable${queryString({ q })}`, MentionCandidates);

export const mentionableQuery = (id: number, q: string) =>
  queryOptions({ queryKey: queryKeys.requests.mentionable(id, q), queryFn: () => listMentionable(id, q), staleTime: 60_000 });

/** Asks only while a mention is being typed (`q` not null); the last answer stays up while the next loads. */
export const useMentionable = (id: number, q: string | null) =>
  useQuery({ ...mentionableQuery(id, q ?? ''), enabled: q !== null, placeholderData: keepPreviousData });
