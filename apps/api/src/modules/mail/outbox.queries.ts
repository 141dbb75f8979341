import { desc, lt } from 'drizzle-orm';
import type { OutboxList, OutboxQuery } from '@altitude/shared/outbox';
import type { Db } from '../../db/client';
import { messages } from '../../db/schema';

/** The outbox newest first, a page at a time; the HTML bodies stay in the database. */
export function listOutbox(db: Db, { limit, cursor }: OutboxQuery): OutboxList {
  const rows = db
    .select({
      id: messages.id,
      to: messages.to,
      subject: messages.subject,
      text: messages.text,
      kind: messages.kind,
      status: messages.status,
      attempts: messages.attempts,
      lastError: messages.lastError,
      nextAttemptAt: messages.nextAttemptAt,
      createdAt: messages.createdAt,
      sentAt: messages.sentAt,
    })
    .from(messages)
    .where(cursor === undefined ? undefined : lt(messages.id, Number(cursor)))
    .orderBy(desc(messages.id))
    .limit(limit + 1)
    .all();
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}
