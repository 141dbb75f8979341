import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '@altitude/shared/domain';
import { KitOutcomeBody, KitOutcomeRecord } from '@altitude/shared/self-serve-kits';
import { signedInUser } from '../../plugins/auth';
import { recordKitUsed } from './kit-outcomes.service';

const Params = z.object({ id: Id });

/** What requesters did when the form offered a kit. Filing anyway is recorded by `POST /api/requests` (`kitReason`). */
export default async function kitOutcomeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/request-types/:id/kit-outcomes', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['directory'],
      summary:
        "The caller used the type's self-serve kit instead of filing (a request avoided); 409 when no kit is offered to their department",
      params: Params,
      body: KitOutcomeBody,
      response: { '2xx': KitOutcomeRecord },
    },
    handler: async (request, reply) => reply.code(201).send(recordKitUsed(app.db, signedInUser(request), request.params.id, app.clock())),
  });
}
