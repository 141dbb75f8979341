import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '@altitude/shared/domain';
import { ReportQuery } from '@altitude/shared/insights';
import {
  CreateInitiativeBody,
  Initiative,
  InitiativeList,
  InitiativeListQuery,
  InitiativesReport,
  UpdateInitiativeBody,
} from '@altitude/shared/initiatives';
import { signedInUser } from '../../plugins/auth';
import { periodOf } from '../insights/report-period';
import { readInitiativesReport } from './initiatives-report.queries';
import { listInitiatives } from './initiatives.queries';
import { createInitiative, updateInitiative } from './initiatives.service';

const Params = z.object({ id: Id });

/** Strategic initiatives: leads keep them, marketing links strategic requests to them, insights readers see what they got. */
export default async function initiativeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['initiatives'];

  r.get('/api/initiatives', {
    config: { access: 'marketer' },
    schema: {
      tags,
      summary: 'Initiatives, newest quarter first, then by name; `quarter` and `archived` narrow the list',
      querystring: InitiativeListQuery,
      response: { '2xx': InitiativeList },
    },
    handler: async (request) => ({ items: listInitiatives(app.db, request.query) }),
  });

  r.post('/api/initiatives', {
    config: { access: 'lead' },
    schema: {
      tags,
      summary: 'Add an initiative; 409 when its quarter already has one of that name, 422 when the owner is not an active marketer or lead',
      body: CreateInitiativeBody,
      response: { '2xx': Initiative },
    },
    handler: async (request, reply) => reply.code(201).send(createInitiative(app.db, signedInUser(request), request.body)),
  });

  r.patch('/api/initiatives/:id', {
    config: { access: 'lead' },
    schema: {
      tags,
      summary: 'Edit, archive or restore an initiative; archiving keeps its links but takes no new ones',
      params: Params,
      body: UpdateInitiativeBody,
      response: { '2xx': Initiative },
    },
    handler: async (request) => updateInitiative(app.db, signedInUser(request), request.params.id, request.body),
  });

  r.get('/api/reports/initiatives', {
    config: { access: 'insights', cache: 'shared' },
    schema: {
      tags: ['reports'],
      summary:
        'Per initiative: minutes logged in the period (all, and while strategic), requests delivered in the period, requests open now; ' +
        'unlinked: strategic minutes in the period on requests with no initiative',
      querystring: ReportQuery,
      response: { '2xx': InitiativesReport },
    },
    handler: async (request) => readInitiativesReport(app.db, periodOf(app.db, app.clock(), request.query)),
  });
}
