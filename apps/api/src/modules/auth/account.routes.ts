import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordBody, ResetBody, ResetRequestBody } from '@altitude/shared/account';
import { signedInUser } from '../../plugins/auth';
import { linkOrigin } from './session-cookie';
import { passwordsOff } from './auth.errors';
import { changePassword } from './password-change.service';
import { requestReset, resetPassword } from './password-reset.service';

/** People run their own accounts: change their password, or reset it by an emailed link. */
export default async function accountRoutes(app: FastifyInstance, opts: { ssoOnly: boolean }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = () => ({ db: app.db, events: app.events, mailer: app.mailer, now: app.clock, log: app.log });

  r.post('/api/auth/password', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['auth'],
      summary: 'Change your own password; your other sessions end',
      body: ChangePasswordBody,
      response: { '2xx': z.null() },
    },
    handler: async (request, reply) => {
      if (opts.ssoOnly) throw passwordsOff();
      await changePassword(deps(), signedInUser(request), request.body, request.ip);
      return reply.code(204).send(null);
    },
  });

  r.post('/api/auth/reset-request', {
    config: { access: 'anonymous' },
    schema: {
      tags: ['auth'],
      summary: 'Email a password-reset link; 202 whether or not the account exists',
      body: ResetRequestBody,
      response: { '2xx': z.object({ accepted: z.literal(true) }) },
    },
    handler: async (request, reply) => {
      if (opts.ssoOnly) throw passwordsOff();
      requestReset(deps(), request.body.email, request.ip, linkOrigin(app.publicUrl, request));
      return reply.code(202).send({ accepted: true });
    },
  });

  r.post('/api/auth/reset', {
    config: { access: 'anonymous' },
    schema: {
      tags: ['auth'],
      summary: 'Set a new password with the token of a reset link',
      body: ResetBody,
      response: { '2xx': z.null() },
    },
    handler: async (request, reply) => {
      if (opts.ssoOnly) throw passwordsOff();
      await resetPassword(deps(), request.body);
      return reply.code(204).send(null);
    },
  });
}
