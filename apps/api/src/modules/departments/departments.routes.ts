import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc } from 'drizzle-orm';
import { DepartmentList } from '@altitude/shared/directory';
import { departments } from '../../db/schema';

export default async function departmentRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/departments', {
    config: { access: 'signedIn' },
    schema: { tags: ['directory'], response: { '2xx': DepartmentList } },
    handler: async () => ({
      items: app.db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.name)).all(),
    }),
  });
}
