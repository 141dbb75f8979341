import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActivityList } from '@altitude/shared/activity';
import { Id } from '@altitude/shared/domain';
import { signedInUser } from '../../plugins/auth';
import { readActivity } from './activity.service';

export default async function activityRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/requests/:id/activity', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['activity'],
      summary: 'Every change to the request, oldest first',
      params: z.object({ id: Id }),
      response: { '2xx': ActivityList },
    },
    handler: async (request) => readActivity(app.db, signedInUser(request), request.params.id),
  });
}
