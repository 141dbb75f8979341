import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '@altitude/shared/domain';
import { ReportQuery } from '@altitude/shared/insights';
import { ReserveOverride, ReserveOverrideBody, ReserveOverridesReport } from '@altitude/shared/reserve-trade-off';
import { signedInUser } from '../../plugins/auth';
import { periodOf } from '../insights/report-period';
import { acceptReserveOverride, readReserveOverrides } from './reserve-overrides.service';

const Params = z.object({ id: Id });

/** "Accept anyway" on a trade-off, and the report that counts those decisions by requesting department. */
export default async function reserveOverrideRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/requests/:id/reserve-overrides', {
    config: { access: 'marketer' },
    schema: {
      tags: ['capacity'],
      summary:
        "Accept that assigning the request takes the assignee's strategic reserve: recorded with who accepted and the reserve minutes (409 when it takes none, or was already accepted)",
      params: Params,
      body: ReserveOverrideBody,
      response: { 201: ReserveOverride },
    },
    handler: async (request, reply) => {
      reply.code(201);
      return acceptReserveOverride(app.db, app.clock(), signedInUser(request), request.params.id, request.body);
    },
  });

  r.get('/api/reports/reserve-overrides', {
    config: { access: 'insights', cache: 'shared' },
    schema: {
      tags: ['reports'],
      summary: 'Reserve overrides accepted in the period, by requesting department: how many, and the reserve minutes they took',
      querystring: ReportQuery,
      response: { '2xx': ReserveOverridesReport },
    },
    handler: async (request) => readReserveOverrides(app.db, periodOf(app.db, app.clock(), request.query)),
  });
}
