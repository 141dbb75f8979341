import { z } from 'zod';
import { DateInput } from './domain';
import { longText } from './text';

export const TimeEntry = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  userId: z.number().int(),
  minutes: z.number().int(),
  date: z.string(),
  note: z.string(),
  /** Sent back with an edit: a stale one answers 409. */
  version: z.number().int(),
  createdAt: z.string(),
});
export type TimeEntry = z.infer<typeof TimeEntry>;

export const maxEntryMinutes = 24 * 60;

export const CreateTimeEntryBody = z.strictObject({
  minutes: z
    .number({ error: 'must be a whole number of minutes' })
    .int({ error: 'must be a whole number of minutes' })
    .positive({ error: 'must be more than 0' })
    .max(maxEntryMinutes, { error: 'must be at most 24 hours (1440 minutes)' }),
  date: DateInput.optional(),
  note: longText(500).optional(),
});
export type CreateTimeEntryBody = z.infer<typeof CreateTimeEntryBody>;

export const Comment = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  authorId: z.number().int(),
  body: z.string(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof Comment>;

export const CreateCommentBody = z.strictObject({
  body: longText(10_000, { required: true }),
});
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

export const ActivityEntry = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  actorId: z.number().int(),
  kind: z.string(),
  field: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  createdAt: z.string(),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const TimeEntryList = z.object({ items: z.array(TimeEntry), totalMinutes: z.number().int() });
export type TimeEntryList = z.infer<typeof TimeEntryList>;
export const CommentList = z.object({ items: z.array(Comment) });
export type CommentList = z.infer<typeof CommentList>;
export const ActivityList = z.object({ items: z.array(ActivityEntry) });
export type ActivityList = z.infer<typeof ActivityList>;
