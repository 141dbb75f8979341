import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '@altitude/shared/auth';
import type { ChangeEvent } from '@altitude/shared/events';
import { serverBusy, tooManyStreams } from './events.errors';
import { signedInUser } from '../../plugins/auth';
import type { Audience, OpenStream } from '../../plugins/sse';
import { checkSession, sessionCookie, sessionIdOfToken } from '../auth/sessions';
import { boundedWriter } from './bounded-writer';

const mayHear = (user: SessionUser, audience: Audience | null) => {
  if (audience !== null && 'onlyUserId' in audience) return audience.onlyUserId === user.id;
  return (
    user.role !== 'requester' || (audience !== null && (audience.departmentId === user.departmentId || audience.requesterId === user.id))
  );
};

/**
 * Each change as an SSE message, serialised and encoded once however many streams carry it:
 * with fifty people on the board a move was otherwise turned into JSON and UTF-8 fifty times.
 */
const messages = new WeakMap<ChangeEvent, Buffer>();
const messageOf = (event: ChangeEvent) => {
  let message = messages.get(event);
  if (message === undefined) messages.set(event, (message = Buffer.from(`event: change\ndata: ${JSON.stringify(event)}\n\n`)));
  return message;
};

/** Seconds a refused stream should wait before trying again (browser EventSource does not retry a refusal by itself). */
const retryAfterSeconds = 30;

/** True while the session still belongs to the same user with the same rights the stream was opened under. */
const unchanged = (a: SessionUser, b: SessionUser | null) =>
  b !== null && b.id === a.id && b.role === a.role && b.departmentId === a.departmentId;

/** Server-Sent Events: each change the signed-in user may see, as `data: <ChangeEvent JSON>`. */
export default async function eventRoutes(app: FastifyInstance) {
  app.get('/api/events', {
    config: { access: 'signedIn' },
    schema: { tags: ['events'], summary: 'Server-Sent Events stream of changes the caller may see (text/event-stream)', hide: false },
    handler: (request, reply) => {
      const user = signedInUser(request);
      // The guard let the request in, so the cookie holds a live session.
      const sessionId = sessionIdOfToken(request.cookies[sessionCookie]!);
      const { limits } = app.events;
      const refused = app.events.refusal(user.id);
      if (refused) {
        reply.header('retry-after', String(retryAfterSeconds));
        throw refused === 'user' ? tooManyStreams(limits.streamsPerUser) : serverBusy();
      }

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });

      let closed = false;
      const stream: OpenStream = {
        userId: user.id,
        sessionId,
        close: () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          unsubscribe();
          remove();
          // A reader that has not taken what is buffered may never take it: cut rather than wait.
          if (res.writableLength > 0) res.destroy();
          else res.end();
        },
      };
      // A reader that lets more than a small buffer pile up is dropped; it reconnects and refetches.
      const send = boundedWriter(res, limits.streamBufferBytes, () => {
        request.log.warn({ userId: user.id, buffered: res.writableLength }, 'event stream not read: closing it');
        stream.close();
      });

      const unsubscribe = app.events.subscribe((event, audience) => {
        if (event.type === 'column.rebalanced' && user.role === 'requester') return;
        if (event.type !== 'column.rebalanced' && !mayHear(user, audience)) return;
        send(messageOf(event));
      });
      // Each heartbeat re-checks the session (expired, signed out, user deactivated or changed)
      // and keeps proxies from closing an idle stream with a comment line.
      const heartbeat = setInterval(() => {
        if (!unchanged(user, checkSession(app.db, sessionId, app.clock()))) stream.close();
        else send(': ping\n\n');
      }, limits.heartbeatMs);
      const remove = app.events.add(stream);
      res.on('close', stream.close);
      send('retry: 3000\n\n');
    },
  });
}
