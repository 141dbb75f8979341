import type { MessageKind } from '@altitude/shared/outbox';
import type { Queryable } from '../../db/client';
import { messages } from '../../db/schema';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: MessageKind;
}

/**
 * Puts a message in the outbox inside the caller's transaction, so it exists exactly when the
 * change that caused it commits (and never for a change rolled back). `deliver`: an SMTP server
 * is configured, so the message waits for the sender; otherwise it is `kept` for leads to read.
 */
export function insertMessage(tx: Queryable, mail: Mail, now: Date, deliver: boolean): number {
  return tx
    .insert(messages)
    .values({
      ...mail,
      status: deliver ? 'queued' : 'kept',
      nextAttemptAt: deliver ? now.toISOString() : null,
      createdAt: now.toISOString(),
    })
    .returning({ id: messages.id })
    .get().id;
}
