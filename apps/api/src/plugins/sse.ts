import { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ChangeEvent } from '@altitude/shared/events';

/** Who may see an event: the request's department and requester (marketers see everything). */
export interface Audience {
  departmentId: number;
  requesterId: number;
}

export interface EventBus {
  publish(event: ChangeEvent, audience: Audience | null): void;
  subscribe(listener: (event: ChangeEvent, audience: Audience | null) => void): () => void;
  /** Open streams, closed on shutdown so the server can stop. */
  readonly streams: Set<() => void>;
  /** Open streams by user, so a user's streams end with their sessions. */
  readonly streamsByUser: Map<number, Set<() => void>>;
  /** Ends a user's open streams (deactivated, or their role changed); EventSource reconnects under the new rules. */
  endStreamsOf(userId: number): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    events: EventBus;
  }
}

/** In-process change feed behind GET /api/events; one process owns the database, so one bus suffices. */
export default fp(
  async (app: FastifyInstance) => {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    const streams = new Set<() => void>();
    const streamsByUser = new Map<number, Set<() => void>>();
    app.decorate('events', {
      publish: (event, audience) => emitter.emit('change', event, audience),
      subscribe: (listener) => {
        emitter.on('change', listener);
        return () => emitter.off('change', listener);
      },
      streams,
      streamsByUser,
      endStreamsOf: (userId) => {
        for (const close of [...(streamsByUser.get(userId) ?? [])]) close();
      },
    } satisfies EventBus);
    app.addHook('preClose', async () => {
      for (const close of streams) close();
    });
  },
  { name: 'sse' },
);
