import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '@altitude/shared/domain';
import { TradeOff, TradeOffQuery } from '@altitude/shared/reserve-trade-off';
import { signedInUser } from '../../plugins/auth';
import { requireVisibleRequest } from '../requests/requests.service';
import { tradeOffFor } from './trade-off.service';

const Params = z.object({ id: Id });

/** The trade-off at triage: what assigning a tactical request does to someone's strategic reserve. */
export default async function tradeOffRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/requests/:id/trade-off', {
    config: { access: 'marketer' },
    schema: {
      tags: ['capacity'],
      summary:
        "What assigning the request does to the assignee's weeks (assigneeId and classification default to the request's): reserve taken per week, " +
        'the sentence, up to three people with room for all of it, and the earliest later date without reserve',
      params: Params,
      querystring: TradeOffQuery,
      response: { '2xx': TradeOff },
    },
    handler: async (request) => {
      const now = app.clock();
      const found = requireVisibleRequest(app.db, request.params.id, signedInUser(request), now);
      const { assigneeId = found.assigneeId, classification = found.classification } = request.query;
      return tradeOffFor(app.db, now, found, assigneeId, classification);
    },
  });
}
