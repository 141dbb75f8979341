import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { messageKinds, messageStatuses } from '@altitude/shared/outbox';
import { createdAt, users } from './schema-directory';

/**
 * The outbox: every email Altitude writes, inserted in the transaction that caused it and sent
 * after the commit by the in-process sender (modules/mail/sender.ts). Without SMTP_URL messages
 * are `kept` here for a lead to read in Settings → Outbox.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    kind: text('kind', { enum: messageKinds }).notNull(),
    status: text('status', { enum: messageStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When the sender tries a `queued` message next; null for the other statuses. */
    nextAttemptAt: text('next_attempt_at'),
    createdAt: createdAt(),
    sentAt: text('sent_at'),
  },
  (t) => [index('messages_due_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * Password-reset links: only the SHA-256 of the token is stored, so a copy of the database
 * cannot reset anyone's password. Single use (`usedAt`), valid 30 minutes.
 */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);
