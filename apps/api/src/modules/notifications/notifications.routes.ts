import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '@altitude/shared/domain';
import { MentionableQuery, MentionCandidates } from '@altitude/shared/mentions';
import {
  MarkReadBody,
  MarkReadResult,
  NotificationList,
  NotificationQuery,
  NotificationSettings,
  NotificationSettingsBody,
} from '@altitude/shared/notifications';
import { signedInUser } from '../../plugins/auth';
import { mentionable } from './mentionable';
import { markMineRead, myNotifications, mySettings, updateMySettings, type NotificationDeps } from './notifications.service';

/** The bell (one's own notifications), one's channel per kind, and who may be @mentioned on a request. */
export default async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps: NotificationDeps = { db: app.db, events: app.events, now: app.clock };

  r.get('/api/notifications', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['notifications'],
      summary: "The caller's own notifications, newest first, a page at a time (unread=true: only unread), with the unread count",
      querystring: NotificationQuery,
      response: { '2xx': NotificationList },
    },
    handler: async (request) => myNotifications(app.db, signedInUser(request), request.query),
  });

  r.post('/api/notifications/read', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['notifications'],
      summary: "Marks some (ids) or all (all: true) of the caller's own notifications read; others' ids change nothing",
      body: MarkReadBody,
      response: { '2xx': MarkReadResult },
    },
    handler: async (request) => markMineRead(deps, signedInUser(request), request.body),
  });

  r.get('/api/me/notification-settings', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['notifications'],
      summary: "The caller's channel (in_app, email, off) for every kind, defaults filled in",
      response: { '2xx': NotificationSettings },
    },
    handler: async (request) => mySettings(app.db, signedInUser(request)),
  });

  r.put('/api/me/notification-settings', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['notifications'],
      summary: 'Sets the channel of the kinds given (the others keep theirs); answers every kind',
      body: NotificationSettingsBody,
      response: { '2xx': NotificationSettings },
    },
    handler: async (request) => updateMySettings(deps, signedInUser(request), request.body),
  });

  r.get('/api/requests/:id/mentionable', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['notifications'],
      summary: 'People who may see the request, for @mention autocomplete: handle prefix matches first, then names',
      params: z.object({ id: Id }),
      querystring: MentionableQuery,
      response: { '2xx': MentionCandidates },
    },
    handler: async (request) => mentionable(app.db, signedInUser(request), request.params.id, request.query.q),
  });
}
