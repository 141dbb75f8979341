import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OutboxList, OutboxQuery } from '@altitude/shared/outbox';
import { listOutbox } from './outbox.queries';

export default async function outboxRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/outbox', {
    config: { access: 'lead' },
    schema: {
      tags: ['mail'],
      summary: 'Emails Altitude wrote, newest first: kept (no SMTP server configured), queued, sent and failed',
      querystring: OutboxQuery,
      response: { '2xx': OutboxList },
    },
    handler: async (request) => listOutbox(app.db, request.query),
  });
}
