import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInUser } from '../../plugins/auth';
import { z } from 'zod';
import { CreateRequestTypeBody, RequestType, RequestTypeList, UpdateRequestTypeBody } from '@altitude/shared/directory';
import { Id } from '@altitude/shared/domain';
import { createRequestType, listRequestTypes, updateRequestType } from './request-types.service';

const Params = z.object({ id: Id });

export default async function requestTypeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/request-types', {
    config: { access: 'signedIn' },
    schema: { tags: ['directory'], response: { '2xx': RequestTypeList } },
    handler: async () => listRequestTypes(app.db),
  });

  r.post('/api/request-types', {
    config: { access: 'lead' },
    schema: {
      tags: ['directory', 'settings'],
      summary: 'Add a request type; 409 when the name is taken; 422 naming `selfServeKit.url` or `selfServeKit.departmentIds.N`',
      body: CreateRequestTypeBody,
      response: { '2xx': RequestType },
    },
    handler: async (request, reply) => reply.code(201).send(createRequestType(app.db, signedInUser(request), request.body, app.clock())),
  });

  r.patch('/api/request-types/:id', {
    config: { access: 'lead' },
    schema: {
      tags: ['directory', 'settings'],
      summary:
        'Edit a request type (applies to requests filed from now on); `selfServeKit: null` removes the kit; 409 when the name is taken; 422 naming `selfServeKit.url` or `selfServeKit.departmentIds.N`',
      params: Params,
      body: UpdateRequestTypeBody,
      response: { '2xx': RequestType },
    },
    handler: async (request) => updateRequestType(app.db, signedInUser(request), request.params.id, request.body, app.clock()),
  });
}
