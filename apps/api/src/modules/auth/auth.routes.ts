import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, MeResponse, SessionResponse } from '@altitude/shared/auth';
import { signedInUser } from '../../plugins/auth';
import { signIn, signOut } from './auth.service';
import { passwordsOff } from './auth.errors';
import { sessionCookie } from './sessions';
import { setSessionCookie } from './session-cookie';

export default async function authRoutes(app: FastifyInstance, opts: { ssoOnly: boolean }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/login', {
    config: { access: 'anonymous' },
    schema: { tags: ['auth'], body: LoginBody, response: { '2xx': MeResponse } },
    handler: async (request, reply) => {
      if (opts.ssoOnly) throw passwordsOff();
      const { user, token } = await signIn(app.db, request.body, request.ip, app.clock(), request.log);
      setSessionCookie(request, reply, token);
      return { user };
    },
  });

  r.post('/api/auth/logout', {
    config: { access: 'signedIn' },
    schema: { tags: ['auth'], response: { '2xx': z.null() } },
    handler: async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) signOut(app.db, app.events, token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  r.get('/api/auth/me', {
    config: { access: 'signedIn' },
    schema: { tags: ['auth'], response: { '2xx': MeResponse } },
    handler: async (request) => ({ user: signedInUser(request) }),
  });

  // The web app's probe at start-up: 200 either way, so a signed-out page logs no failed request
  // (a 401 from /me prints as a console error in every browser).
  r.get('/api/auth/session', {
    config: { access: 'anonymous' },
    schema: { tags: ['auth'], summary: 'The signed-in user, or null when nobody is', response: { '2xx': SessionResponse } },
    handler: async (request) => ({ user: request.user }),
  });
}
