import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { CreateDepartmentBody, Department, DepartmentList, UpdateDepartmentBody } from '@altitude/shared/directory';
import { Id } from '@altitude/shared/domain';
import { signedInUser } from '../../plugins/auth';
import { departments } from '../../db/schema';
import { createDepartment, renameDepartment } from './departments.service';

const Params = z.object({ id: Id });

export default async function departmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/departments', {
    config: { access: 'signedIn' },
    schema: { tags: ['directory'], response: { '2xx': DepartmentList } },
    handler: async () => ({
      items: app.db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.name)).all(),
    }),
  });

  r.post('/api/departments', {
    config: { access: 'lead' },
    schema: {
      tags: ['directory', 'settings'],
      summary: 'Add a department; 409 when the name is taken',
      body: CreateDepartmentBody,
      response: { '2xx': Department },
    },
    handler: async (request, reply) => reply.code(201).send(createDepartment(app.db, signedInUser(request), request.body)),
  });

  r.patch('/api/departments/:id', {
    config: { access: 'lead' },
    schema: {
      tags: ['directory', 'settings'],
      summary: 'Rename a department; 409 when the name is taken',
      params: Params,
      body: UpdateDepartmentBody,
      response: { '2xx': Department },
    },
    handler: async (request) => renameDepartment(app.db, signedInUser(request), request.params.id, request.body),
  });
}
