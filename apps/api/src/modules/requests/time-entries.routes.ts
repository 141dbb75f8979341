import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateTimeEntryBody, TimeEntry, TimeEntryList, timeEntryGraceDays, UpdateTimeEntryBody } from '@altitude/shared/activity';
import { Id } from '@altitude/shared/domain';
import { signedInUser } from '../../plugins/auth';
import type { Deps } from './requests.service';
import { correctTimeEntry, deleteTimeEntryAs } from './time-corrections.service';
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

  // An entry is addressed by its own id: the service finds its request and answers 404 when the
  // caller may not see it, as for the request itself.
  const who = `Its author (a marketer) until ${timeEntryGraceDays} days after the day they logged it, or a lead at any time`;
  r.patch('/api/time-entries/:id', {
    config: { access: 'marketer' },
    schema: {
      tags: ['time'],
      summary: `Correct an entry's minutes, date or note with the version read (409 with the current entry when stale). ${who}.`,
      params: Params,
      body: UpdateTimeEntryBody,
      response: { '2xx': TimeEntry },
    },
    handler: async (request) => correctTimeEntry(deps, signedInUser(request), request.params.id, request.body),
  });

  r.delete('/api/time-entries/:id', {
    config: { access: 'marketer' },
    schema: { tags: ['time'], summary: `Delete an entry. ${who}.`, params: Params, response: { '2xx': z.null() } },
    handler: async (request, reply) => {
      deleteTimeEntryAs(deps, signedInUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
