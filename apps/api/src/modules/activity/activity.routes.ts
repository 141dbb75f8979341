import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ActivityList } from '@altitude/shared/activity';
import { Id } from '@altitude/shared/domain';
import { activity } from '../../db/schema';
import { notFound } from '../../errors';
import { findVisibleRequest } from '../requests/requests.queries';

export default async function activityRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/requests/:id/activity', {
    config: { access: 'signedIn' },
    schema: { tags: ['activity'], summary: 'Every change to the request, oldest first', params: z.object({ id: Id }), response: { '2xx': ActivityList } },
    handler: async (request) => {
      if (!findVisibleRequest(app.db, request.params.id, request.user!)) throw notFound('request');
      const items = app.db
        .select({ id: activity.id, requestId: activity.requestId, actorId: activity.actorId, kind: activity.kind, field: activity.field, from: activity.fromValue, to: activity.toValue, createdAt: activity.createdAt })
        .from(activity)
        .where(eq(activity.requestId, request.params.id))
        .orderBy(asc(activity.createdAt), asc(activity.id))
        .all();
      return { items };
    },
  });
}
