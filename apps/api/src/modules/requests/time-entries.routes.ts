import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateTimeEntryBody, TimeEntry, TimeEntryList } from '@altitude/shared/activity';
import { Id } from '@altitude/shared/domain';
import { signedInUser } from '../../plugins/auth';
import type { Deps } from './requests.service';
import { listTimeEntries, logTime } from './time-entries.service';

const Params = z.object({ id: Id });

export default async function timeEntryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps: Deps = { db: app.db, events: app.events, now: app.clock };

  r.get('/api/requests/:id/time-entries', {
    config: { access: 'signedIn' },
    schema: { tags: ['time'], params: Params, response: { '2xx': TimeEntryList } },
    handler: async (request) => listTimeEntries(app.db, signedInUser(request), request.params.id),
  });

  r.post('/api/requests/:id/time-entries', {
    config: { access: 'marketer' },
    schema: {
      tags: ['time'],
      summary: 'Log whole minutes (1 to 1440) on a date from the day the request was filed to today (or the day it closed)',
      params: Params,
      body: CreateTimeEntryBody,
      response: { '2xx': TimeEntry },
    },
    handler: async (request, reply) => reply.code(201).send(logTime(deps, signedInUser(request), request.params.id, request.body)),
  });
}
