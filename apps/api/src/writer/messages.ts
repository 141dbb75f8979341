import type { SessionUser } from '@altitude/shared/auth';
import type { CreateRequestBody, MoveRequestBody } from '@altitude/shared/requests';

/*
 * What crosses between the main thread and the writer thread (writer.ts, thread.ts): plain
 * values only, as a message carries no classes.
 */

/** Each op's arguments: what its body needs besides the transaction and the re-checked actor. */
export interface WriterOpArgs {
  move: { id: number; body: MoveRequestBody; now: string };
  create: { body: CreateRequestBody; now: string };
}

export type WriterOp = keyof WriterOpArgs;

/** A write the main thread hands over: the actor as its session resolved them, and the op's arguments. */
export interface WriterJob {
  type: 'job';
  id: number;
  op: WriterOp;
  actor: SessionUser;
  sessionId: string | undefined;
  args: unknown;
}

/** A problem travels as its fields (an Error does not cross threads with its class). */
export type WireError =
  | {
      problem: true;
      status: number;
      code: string;
      message: string;
      errors?: { path: string; message: string }[];
      extra?: Record<string, unknown>;
    }
  | { problem: false; message: string; stack?: string };

/**
 * Messages travel in batches, one `postMessage` per turn of the sender's event loop: under ten
 * clients each write's own message, both ways, cost the main thread more than the bodies it saved.
 */
export interface Batch<T> {
  type: 'batch';
  messages: T[];
}

export type WriterReply =
  | { type: 'ready' }
  | { type: 'restarted' }
  | { type: 'result'; id: number; ok: true; value: unknown; changed: number[] }
  | { type: 'result'; id: number; ok: false; error: WireError; changed: number[] };

/** How a handed-over write ended: done, refused (a problem, answered after its group's COMMIT), or failed with the thread. */
export type WriteOutcome = 'done' | 'refused' | 'failed';

export type WriterMessage = WriterJob | { type: 'restart' } | { type: 'stop' };
