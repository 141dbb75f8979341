import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MeResponse } from '@altitude/shared/auth';
import { Id } from '@altitude/shared/domain';
import {
  AcceptInvitationBody,
  CreatedInvitation,
  InvitationList,
  InvitationLookup,
  InvitationLookupQuery,
  InviteBody,
} from '@altitude/shared/invitations';
import { signedInUser } from '../../plugins/auth';
import { linkOrigin, setSessionCookie } from '../auth/session-cookie';
import { accept, invite, lookup, revoke, type Deps } from './invitations.service';
import { pendingInvitations } from './invitations.queries';

const Params = z.object({ id: Id });

/** Invitations by link: a lead invites, the person sets their own password by following the link. */
export default async function invitationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = (): Deps => ({ db: app.db, mailer: app.mailer, now: app.clock, log: app.log });

  r.post('/api/invitations', {
    config: { access: 'lead' },
    schema: {
      tags: ['directory', 'settings'],
      summary: 'Invite a person by email; they choose their own password. 409 when the email has an account',
      body: InviteBody,
      response: { '2xx': CreatedInvitation },
    },
    handler: async (request, reply) => {
      const actor = signedInUser(request);
      const created = invite(deps(), actor, request.body, linkOrigin(app.publicUrl, request));
      request.log.info({ actorId: actor.id, invitationId: created.id, role: created.role }, 'person invited');
      return reply.code(201).send(created);
    },
  });

  r.get('/api/invitations', {
    config: { access: 'lead' },
    schema: {
      tags: ['directory', 'settings'],
      summary: 'Invitations not yet accepted, revoked or expired',
      response: { '2xx': InvitationList },
    },
    handler: async () => ({ items: pendingInvitations(app.db, app.clock()) }),
  });

  r.delete('/api/invitations/:id', {
    config: { access: 'lead' },
    schema: {
      tags: ['directory', 'settings'],
      summary: 'Revoke a pending invitation: its link stops working',
      params: Params,
      response: { '2xx': z.null() },
    },
    handler: async (request, reply) => {
      revoke(deps(), signedInUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/invitations/lookup', {
    config: { access: 'anonymous' },
    schema: {
      tags: ['auth'],
      summary: 'Who an invitation link is for; 404 unknown, 410 used, revoked or expired',
      querystring: InvitationLookupQuery,
      response: { '2xx': InvitationLookup },
    },
    handler: async (request) => lookup(deps(), request.query.token),
  });

  r.post('/api/invitations/accept', {
    config: { access: 'anonymous' },
    schema: {
      tags: ['auth'],
      summary: 'Accept an invitation with a password of your choosing; creates the account and signs in',
      body: AcceptInvitationBody,
      response: { '2xx': MeResponse },
    },
    handler: async (request, reply) => {
      const { user, token } = await accept(deps(), request.body, request.ip);
      setSessionCookie(request, reply, token);
      return reply.code(201).send({ user });
    },
  });
}
