import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Capacity, CapacityQuery } from '@altitude/shared/capacity';
import { capacityFor } from './capacity.service';

export default async function capacityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // One answer for every marketer and lead (it names the whole team), rebuilt after any write.
  r.get('/api/capacity', {
    config: { access: 'marketer', cache: 'shared' },
    schema: {
      tags: ['planning'],
      summary:
        "Each marketer's and lead's next weeks: available time, strategic reserve and the committed load of their assigned open requests by class",
      querystring: CapacityQuery,
      response: { '2xx': Capacity },
    },
    handler: async (request) => capacityFor(app.db, app.clock(), { from: request.query.from, weeks: request.query.weeks }),
  });
}
