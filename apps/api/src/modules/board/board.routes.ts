import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInUser } from '../../plugins/auth';
import { z } from 'zod';
import { closedStatuses, Status } from '@altitude/shared/domain';
import { Board, BoardColumn, RequestFilters } from '@altitude/shared/requests';
import { BoardSnapshot, PartsStream } from './board-snapshot';
import { readClosedColumn, readFilteredBoard, unfiltered } from './board.service';

/**
 * The board is the hottest read: thousands of cards built from explicit column lists (no
 * secrets can slip in), so it skips the per-field zod re-validation on the way out. The
 * schema still documents the shape in OpenAPI, and the API tests parse it.
 */
const plainJson = () => (data: unknown) => JSON.stringify(data);

export default async function boardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const snapshot = new BoardSnapshot(app.db, app.clock);

  r.get('/api/board', {
    config: { access: 'marketer', cache: 'shared', revalidate: true },
    schema: {
      tags: ['board'],
      summary: 'Columns in workflow order with their cards in position order; done and declined ship their latest page',
      querystring: RequestFilters.omit({ status: true }),
      response: { '2xx': Board },
    },
    serializerCompiler: plainJson,
    handler: async (request, reply) => {
      if (unfiltered(request.query)) {
        // The snapshot hands over the JSON bytes in pieces, streamed without joining them (see
        // PartsStream); Fastify sends a stream as it is, so the cast only quiets the type
        // provider, which expects the object. The snapshot is this answer's cache (the read cache
        // keeps only whole buffers): `x-cache: hit` when nothing changed since its last answer.
        const body = snapshot.answer();
        if (body.unchanged) reply.header('x-cache', 'hit');
        return reply
          .type('application/json; charset=utf-8')
          .header('content-length', String(body.length))
          .send(new PartsStream(body.parts) as unknown as Board);
      }
      return readFilteredBoard(app.db, app.clock(), signedInUser(request), request.query);
    },
  });

  r.get('/api/board/columns/:status', {
    config: { access: 'marketer', cache: 'shared', revalidate: true },
    schema: {
      tags: ['board'],
      summary: 'A further page of the done or declined column',
      params: z.object({ status: Status.extract(closedStatuses) }),
      querystring: RequestFilters.omit({ status: true }).extend({ cursor: z.string().optional() }),
      response: { '2xx': BoardColumn },
    },
    serializerCompiler: plainJson,
    handler: async (request) => {
      const { cursor, ...filters } = request.query;
      return readClosedColumn(app.db, app.clock(), signedInUser(request), request.params.status, filters, cursor);
    },
  });
}
