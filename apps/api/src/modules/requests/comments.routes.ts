import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Comment, CommentList, CreateCommentBody } from '@altitude/shared/activity';
import { Id } from '@altitude/shared/domain';
import { signedInUser } from '../../plugins/auth';
import { addComment, listComments } from './comments.service';
import type { Deps } from './requests.service';

const Params = z.object({ id: Id });

export default async function commentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps: Deps = { db: app.db, events: app.events, now: app.clock };

  r.get('/api/requests/:id/comments', {
    config: { access: 'signedIn' },
    schema: { tags: ['comments'], params: Params, response: { '2xx': CommentList } },
    handler: async (request) => listComments(app.db, signedInUser(request), request.params.id),
  });

  r.post('/api/requests/:id/comments', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['comments'],
      summary: 'Comment (Markdown) on a request the caller may see',
      params: Params,
      body: CreateCommentBody,
      response: { '2xx': Comment },
    },
    handler: async (request, reply) => reply.code(201).send(addComment(deps, signedInUser(request), request.params.id, request.body)),
  });
}
