import { z } from 'zod';

/**
 * `kept`: no SMTP server is configured, so the message stays here for a lead to read;
 * `queued`: waiting for its first or next attempt; `sent`; `failed`: given up after its attempts.
 */
export const messageStatuses = ['kept', 'queued', 'sent', 'failed'] as const;
export const MessageStatus = z.enum(messageStatuses);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** What caused a message; one word each, so the outbox can be read at a glance. */
/**
 * `notification`: immediate kinds for one person, batched over a few minutes; `digest`: the daily
 * digest of the rest; `weekly_brief`: the Monday CMO brief; `invitation`: a lead's invitation link.
 */
export const messageKinds = ['password_reset', 'notification', 'digest', 'weekly_brief', 'invitation'] as const;
export const MessageKind = z.enum(messageKinds);
export type MessageKind = z.infer<typeof MessageKind>;

/** A message of the outbox as the list answers it: the plain-text body, never the HTML one. */
export const OutboxMessage = z.object({
  id: z.number().int(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: MessageKind,
  status: MessageStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxList = z.object({ items: z.array(OutboxMessage), nextCursor: z.string().nullable() });
export type OutboxList = z.infer<typeof OutboxList>;

/** Newest first; the cursor is the id of the last message of the previous page. */
export const OutboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'must be a message id' })
    .optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;
