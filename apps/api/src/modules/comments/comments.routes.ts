import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { Comment, CommentList, CreateCommentBody } from '@altitude/shared/activity';
import { Id } from '@altitude/shared/domain';
import { comments } from '../../db/schema';
import { notFound } from '../../errors';
import { recordActivity } from '../activity/record';
import { writeAs } from '../auth/actor';
import { findVisibleRequest } from '../requests/requests.queries';

const Params = z.object({ id: Id });

export default async function commentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/requests/:id/comments', {
    config: { access: 'signedIn' },
    schema: { tags: ['comments'], params: Params, response: { '2xx': CommentList } },
    handler: async (request) => {
      if (!findVisibleRequest(app.db, request.params.id, request.user!)) throw notFound('request');
      return { items: app.db.select().from(comments).where(eq(comments.requestId, request.params.id)).orderBy(asc(comments.createdAt), asc(comments.id)).all() };
    },
  });

  r.post('/api/requests/:id/comments', {
    config: { access: 'signedIn' },
    schema: { tags: ['comments'], summary: 'Comment (Markdown) on a request the caller may see', params: Params, body: CreateCommentBody, response: { '2xx': Comment } },
    handler: async (request, reply) => {
      const { id } = request.params;
      const now = app.clock().toISOString();
      const comment = writeAs(app.db, request.user!, 'signedIn', (tx, user) => {
        const req = findVisibleRequest(tx, id, user);
        if (!req) throw notFound('request');
        const row = tx.insert(comments).values({ requestId: id, authorId: user.id, body: request.body.body, createdAt: now }).returning().get();
        recordActivity(tx, id, user.id, now, [{ kind: 'commented' }]);
        return { row, audience: { departmentId: req.departmentId, requesterId: req.requesterId } };
      });
      app.events.publish({ type: 'request.commented', requestId: id }, comment.audience);
      return reply.code(201).send(comment.row);
    },
  });
}
