import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Classification } from '@altitude/shared/domain';
import { TradeOff } from '@altitude/shared/reserve-trade-off';
import { api, queryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface TradeOffParams {
  assigneeId: number;
  classification: Classification;
  /** The request's version: a new one (any edit) asks again. */
  version: number;
}

export const getTradeOff = (id: number, { assigneeId, classification }: TradeOffParams) =>
  api.get(`/api/requests/${id}/trade-off${queryString({ assigneeId, classification })}`, TradeOff);

export const tradeOffQuery = (id: number, params: TradeOffParams) =>
  queryOptions({
    queryKey: queryKeys.requests.tradeOff(id, {
      assigneeId: String(params.assigneeId),
      classification: params.classification,
      version: String(params.version),
    }),
    queryFn: () => getTradeOff(id, params),
  });

/** What assigning the request does to the assignee's strategic reserve; asked only when `params` is given. */
export const useTradeOff = (id: number, params: TradeOffParams | null) =>
  useQuery({ ...tradeOffQuery(id, params ?? { assigneeId: 0, classification: 'tactical', version: 0 }), enabled: params !== null });
