import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc } from 'drizzle-orm';
import { RequestTypeList } from '@altitude/shared/directory';
import { requestTypes } from '../../db/schema';

export default async function requestTypeRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/request-types', {
    config: { access: 'signedIn' },
    schema: { tags: ['directory'], response: { '2xx': RequestTypeList } },
    handler: async () => ({
      items: app.db
        .select({
          id: requestTypes.id,
          name: requestTypes.name,
          description: requestTypes.description,
          turnaroundDays: requestTypes.turnaroundDays,
          defaultClassification: requestTypes.defaultClassification,
        })
        .from(requestTypes)
        .orderBy(asc(requestTypes.name))
        .all(),
    }),
  });
}
