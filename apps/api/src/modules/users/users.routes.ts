import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInUser } from '../../plugins/auth';
import { z } from 'zod';
import { InviteUserBody, UpdateUserBody, User, UserList } from '@altitude/shared/directory';
import { Id } from '@altitude/shared/domain';
import { inviteUser, listUsers, updateUser, type Deps } from './users.service';

const Params = z.object({ id: Id });

export default async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps: Deps = { db: app.db, events: app.events };

  r.get('/api/users', {
    config: { access: 'signedIn' },
    schema: { tags: ['directory'], response: { '2xx': UserList } },
    handler: async () => listUsers(app.db),
  });

  r.post('/api/users', {
    config: { access: 'lead' },
    schema: {
      tags: ['directory', 'settings'],
      summary: 'Invite a person with a role, department and initial password; 409 when the email is taken',
      body: InviteUserBody,
      response: { '2xx': User },
    },
    handler: async (request, reply) => {
      const actor = signedInUser(request);
      const user = await inviteUser(deps, actor, request.body);
      request.log.info({ actorId: actor.id, userId: user.id, role: user.role }, 'user invited');
      return reply.code(201).send(user);
    },
  });

  r.patch('/api/users/:id', {
    config: { access: 'lead' },
    schema: {
      tags: ['directory', 'settings'],
      summary: "Change a person's name, role, department or active flag; a role change or deactivation ends their sessions",
      params: Params,
      body: UpdateUserBody,
      response: { '2xx': User },
    },
    handler: async (request) => {
      const actor = signedInUser(request);
      const user = updateUser(deps, actor, request.params.id, request.body);
      request.log.info({ actorId: actor.id, userId: user.id, changes: request.body }, 'user updated');
      return user;
    },
  });
}
