import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Health } from '@altitude/shared/health';

export default async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { access: 'anonymous' },
    schema: { tags: ['health'], response: { '2xx': Health } },
    handler: async () => {
      app.db.$client.prepare('select 1').get();
      return { status: 'ok' as const, version: '0.1.0' };
    },
  });
}
