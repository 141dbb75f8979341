import { z } from 'zod';
import { addDays, dateIn } from './calendar';
import { DateInput, type Role } from './domain';
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

/**
 * A correction of an entry (PATCH /api/time-entries/:id): the same rules as logging it, each field
 * optional, with the version the editor read. A body with nothing to change is refused (400) rather
 * than taken as a no-op, so a client that lost its fields hears about it.
 */
export const UpdateTimeEntryBody = z
  .strictObject({
    minutes: CreateTimeEntryBody.shape.minutes.optional(),
    date: DateInput.optional(),
    // An empty (or blank) note clears it, as logging without one stores ''.
    note: longText(500).optional(),
    version: z.number({ error: 'must be the version you read' }).int().positive(),
  })
  .refine((b) => b.minutes !== undefined || b.date !== undefined || b.note !== undefined, {
    error: 'give at least one of minutes, date or note',
  });
export type UpdateTimeEntryBody = z.infer<typeof UpdateTimeEntryBody>;

/**
 * How long the author may correct or delete their own entry: until the end of the 14th day after
 * the day they logged it (company calendar). Two weeks lets a marketer fix last week's timesheet
 * at any point of this week, while the figures a lead already reported stop moving; leads may
 * correct any entry at any time.
 */
export const timeEntryGraceDays = 14;

/** The last day (YYYY-MM-DD) the author may still correct an entry logged at `createdAt`. */
export const entryEditableUntil = (entry: Pick<TimeEntry, 'createdAt'>, timeZone: string): string =>
  addDays(dateIn(new Date(entry.createdAt), timeZone), timeEntryGraceDays);

/** Whether `user` may correct or delete `entry` on `today`: its author within the grace period, a lead always. */
export function mayCorrectTimeEntry(
  user: { id: number; role: Role },
  entry: Pick<TimeEntry, 'userId' | 'createdAt'>,
  today: string,
  timeZone: string,
): boolean {
  if (user.role === 'lead') return true;
  return user.role === 'marketer' && entry.userId === user.id && today <= entryEditableUntil(entry, timeZone);
}

/** A 409 on a correction carries the entry as it now stands, so the client can show it. */
export const TimeEntryConflictBody = z.object({ current: TimeEntry });

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
