import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '@altitude/shared/auth';
import type { Audience } from '../../plugins/sse';

const mayHear = (user: SessionUser, audience: Audience | null) =>
  user.role !== 'requester' || (audience !== null && (audience.departmentId === user.departmentId || audience.requesterId === user.id));

/** Server-Sent Events: each change the signed-in user may see, as `data: <ChangeEvent JSON>`. */
export default async function eventRoutes(app: FastifyInstance) {
  app.get('/api/events', {
    config: { access: 'signedIn' },
    schema: { tags: ['events'], summary: 'Server-Sent Events stream of changes the caller may see (text/event-stream)', hide: false },
    handler: (request, reply) => {
      const user = request.user!;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n\n');
      const unsubscribe = app.events.subscribe((event, audience) => {
        if (event.type === 'column.rebalanced' && user.role === 'requester') return;
        if (event.type !== 'column.rebalanced' && !mayHear(user, audience)) return;
        res.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
      });
      // A comment line every 25 s keeps proxies from closing an idle stream.
      const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        app.events.streams.delete(close);
        const mine = app.events.streamsByUser.get(user.id);
        mine?.delete(close);
        if (mine?.size === 0) app.events.streamsByUser.delete(user.id);
        res.end();
      };
      app.events.streams.add(close);
      const mine = app.events.streamsByUser.get(user.id) ?? new Set();
      app.events.streamsByUser.set(user.id, mine.add(close));
      request.raw.on('close', close);
    },
  });
}
