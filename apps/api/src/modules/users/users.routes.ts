import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc } from 'drizzle-orm';
import { UserList } from '@altitude/shared/directory';
import { users } from '../../db/schema';

export default async function userRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/users', {
    config: { access: 'signedIn' },
    schema: { tags: ['directory'], response: { '2xx': UserList } },
    handler: async () => ({
      items: app.db
        .select({ id: users.id, email: users.email, name: users.name, role: users.role, departmentId: users.departmentId, active: users.active })
        .from(users)
        .orderBy(asc(users.name))
        .all(),
    }),
  });
}
