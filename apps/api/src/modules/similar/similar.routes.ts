import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '@altitude/shared/domain';
import { FollowBody, SimilarList, SimilarQuery } from '@altitude/shared/service-levels';
import { signedInUser } from '../../plugins/auth';
import type { Deps } from '../requests/requests.service';
import { follow, similarRequests, unfollow } from './similar.service';

const Params = z.object({ id: Id });

/**
 * Similar requests and following them. `/api/requests/similar` cannot be taken for
 * `/api/requests/:id`: Fastify's router prefers a static segment to a parameter whatever the
 * order of registration (similar.test.ts holds it).
 */
export default async function similarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps: Deps = { db: app.db, events: app.events, now: app.clock };
  const tags = ['requests'];

  r.get('/api/requests/similar', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Open and recently delivered requests like the words typed (a title), best first, within what the caller may see',
      querystring: SimilarQuery,
      response: { '2xx': SimilarList },
    },
    handler: async (request) => similarRequests(deps, signedInUser(request), request.query),
  });

  r.post('/api/requests/:id/followers', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Follow a request as oneself (idempotent). Body `{}`, or `{source: "intake"}` to record a duplicate avoided',
      params: Params,
      body: FollowBody,
      response: { '2xx': z.null() },
    },
    handler: async (request, reply) => {
      follow(deps, signedInUser(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  });

  r.delete('/api/requests/:id/followers', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Stop following a request (idempotent)', params: Params, response: { '2xx': z.null() } },
    handler: async (request, reply) => {
      unfollow(deps, signedInUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
