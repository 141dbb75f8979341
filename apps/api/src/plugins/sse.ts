import { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ChangeEvent } from '@altitude/shared/events';
import type { Limits } from '../limits';

/** Who may see an event: the request's department and requester (marketers see everything). */
/** Who may hear a change: a request's department and requester, or (`onlyUserId`) one person alone. */
export type Audience = { departmentId: number; requesterId: number } | { onlyUserId: number };

/** One open GET /api/events stream, as the bus knows it. */
export interface OpenStream {
  readonly userId: number;
  /** The stored id of the session it was opened with, so signing out ends it. */
  readonly sessionId: string;
  /** Ends the stream; safe to call more than once. */
  close(): void;
}

export type StreamLimits = Pick<Limits, 'streamsPerUser' | 'streamsTotal' | 'streamBufferBytes' | 'heartbeatMs'>;

export interface EventBus {
  publish(event: ChangeEvent, audience: Audience | null): void;
  subscribe(listener: (event: ChangeEvent, audience: Audience | null) => void): () => void;
  readonly limits: StreamLimits;
  /** Why one more stream for this user may not open now ('user' cap or 'total' cap), or null. */
  refusal(userId: number): 'user' | 'total' | null;
  /** Registers an open stream; returns its removal. */
  add(stream: OpenStream): () => void;
  /** Open streams, of one user or of everyone. */
  count(userId?: number): number;
  /** Ends a user's open streams (deactivated, or their role changed); EventSource reconnects under the new rules. */
  endStreamsOf(userId: number): void;
  /** Ends the streams opened with one session (signed out); the user's other sessions keep theirs. */
  endSessionStreams(sessionId: string): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    events: EventBus;
  }
}

/** In-process change feed behind GET /api/events; one process owns the database, so one bus suffices. */
export default fp(
  async (app: FastifyInstance, opts: { limits: StreamLimits }) => {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    const streams = new Set<OpenStream>();
    const byUser = new Map<number, Set<OpenStream>>();
    const closeAll = (which: Iterable<OpenStream>) => {
      for (const stream of [...which]) stream.close();
    };
    app.decorate('events', {
      publish: (event, audience) => emitter.emit('change', event, audience),
      subscribe: (listener) => {
        emitter.on('change', listener);
        return () => emitter.off('change', listener);
      },
      limits: opts.limits,
      refusal: (userId) => {
        if ((byUser.get(userId)?.size ?? 0) >= opts.limits.streamsPerUser) return 'user';
        if (streams.size >= opts.limits.streamsTotal) return 'total';
        return null;
      },
      add: (stream) => {
        streams.add(stream);
        const mine = byUser.get(stream.userId) ?? new Set();
        byUser.set(stream.userId, mine.add(stream));
        return () => {
          streams.delete(stream);
          mine.delete(stream);
          if (mine.size === 0 && byUser.get(stream.userId) === mine) byUser.delete(stream.userId);
        };
      },
      count: (userId) => (userId === undefined ? streams.size : (byUser.get(userId)?.size ?? 0)),
      endStreamsOf: (userId) => closeAll(byUser.get(userId) ?? []),
      endSessionStreams: (sessionId) => closeAll([...streams].filter((s) => s.sessionId === sessionId)),
    } satisfies EventBus);
    // Open streams are closed on shutdown so the server can stop.
    app.addHook('preClose', async () => closeAll(streams));
  },
  { name: 'sse' },
);
