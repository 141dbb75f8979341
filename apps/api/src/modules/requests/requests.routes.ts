import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '@altitude/shared/domain';
import {
  CancelRequestBody,
  ClassificationBody,
  CreateRequestBody,
  MoveRequestBody,
  Request,
  RequestList,
  RequestListQuery,
  UpdateRequestBody,
} from '@altitude/shared/requests';
import { signedInUser } from '../../plugins/auth';
import { classifyRequest, requireVisibleRequest, searchRequests, updateRequest, type Deps } from './requests.service';
import { createRequestQueued } from './filing.service';
import { moveRequestQueued } from './move.service';
import { cancelRequest } from './cancel.service';

const Params = z.object({ id: Id });

/**
 * Filing and moving are the hottest writes (issue 15's targets: 1,500 a second at 10 clients).
 * Their answer is the request as its INSERT or UPDATE returned it, from the explicit column list
 * of requests.queries.ts (no secrets can slip in), so like the board they skip the per-field zod
 * re-encoding on the way out, about a tenth of a move's CPU; the same fields come out, only
 * in the order the row has them. The schema still documents the shape, and the API tests parse it.
 */
const plainJson = () => (data: unknown) => JSON.stringify(data);

export default async function requestRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps: Deps = { db: app.db, events: app.events, now: app.clock };
  const tags = ['requests'];

  r.post('/api/requests', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'File a request (department comes from the requester)',
      body: CreateRequestBody,
      response: { '2xx': Request },
    },
    serializerCompiler: plainJson,
    handler: async (request, reply) => reply.code(201).send(await createRequestQueued(deps, signedInUser(request), request.body)),
  });

  r.get('/api/requests', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Requests the caller may see, newest first', querystring: RequestListQuery, response: { '2xx': RequestList } },
    handler: async (request) => searchRequests(deps, signedInUser(request), request.query),
  });

  r.get('/api/requests/:id', {
    // Revalidated, not cached: the read is cheap, the bytes on the wire are what a 304 saves.
    config: { access: 'signedIn', revalidate: true },
    schema: { tags, params: Params, response: { '2xx': Request } },
    handler: async (request) => requireVisibleRequest(app.db, request.params.id, signedInUser(request), app.clock()),
  });

  r.patch('/api/requests/:id', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Edit fields; 409 with the current request when `version` is stale',
      params: Params,
      body: UpdateRequestBody,
      response: { '2xx': Request },
    },
    handler: async (request) => updateRequest(deps, signedInUser(request), request.params.id, request.body),
  });

  r.post('/api/requests/:id/move', {
    config: { access: 'marketer' },
    schema: {
      tags,
      summary: 'Move to a column and position: `beforeId` is the card that will sit above it, `afterId` the one below',
      params: Params,
      body: MoveRequestBody,
      response: { '2xx': Request },
    },
    serializerCompiler: plainJson,
    handler: async (request) => moveRequestQueued(deps, signedInUser(request), request.params.id, request.body),
  });

  r.put('/api/requests/:id/classification', {
    config: { access: 'marketer' },
    schema: {
      tags,
      summary: 'Confirm or change strategic / tactical',
      params: Params,
      body: ClassificationBody,
      response: { '2xx': Request },
    },
    handler: async (request) => classifyRequest(deps, signedInUser(request), request.params.id, request.body),
  });

  r.post('/api/requests/:id/cancel', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'The requester withdraws their own request while it is in intake',
      params: Params,
      body: CancelRequestBody,
      response: { '2xx': Request },
    },
    handler: async (request) => cancelRequest(deps, signedInUser(request), request.params.id, request.body.version),
  });
}
