import { z } from 'zod';

/**
 * What a notification is about. One owner for the list: the server writes only these, the bell
 * shows them, the settings page offers a channel for each.
 * - `assigned`: a request was assigned to you (by someone else).
 * - `mentioned`: `@name` in a comment on a request you may see.
 * - `commented`: a comment on a request you filed or follow (not your own comment).
 * - `status_changed`: your request (filed or followed) moved to another column; or a request you
 *   are assigned or follow was cancelled by its requester.
 * - `needs_info`: a marketer asked you (the requester) a question; the clock waits on you.
 * - `answered`: the requester answered your question (for the assignee).
 * - `due_soon` / `overdue`: for the assignee, once per request and due date.
 * - `handed_back` / `declined`: for the requester (and followers).
 */
export const notificationKinds = [
  'assigned',
  'mentioned',
  'commented',
  'status_changed',
  'needs_info',
  'answered',
  'due_soon',
  'overdue',
  'handed_back',
  'declined',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Kinds mailed soon after they happen (batched per person within a few minutes); the others go in the daily digest. */
export const immediateKinds: readonly NotificationKind[] = ['assigned', 'mentioned', 'needs_info'];

/**
 * What a person gets for a kind: `in_app` the bell only; `email` the bell and an email (right away
 * for immediate kinds, in the daily digest for the rest); `off` nothing.
 */
export const notificationChannels = ['in_app', 'email', 'off'] as const;
export const NotificationChannel = z.enum(notificationChannels);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/**
 * Settings keys: every notification kind, plus `weekly_brief` (the Monday CMO brief, only ever
 * sent to insights readers; `in_app` and `off` both mean no brief, as the brief is email only).
 */
export const settingKinds = [...notificationKinds, 'weekly_brief'] as const;
export const SettingKind = z.enum(settingKinds);
export type SettingKind = z.infer<typeof SettingKind>;

/** Defaults when a person has chosen nothing: everything by email, so nobody misses a change. */
export const defaultChannel = (_kind: SettingKind): NotificationChannel => 'email';

export const NotificationSettings = z.object({ kinds: z.record(SettingKind, NotificationChannel) });
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** PUT body: any subset of the kinds; the ones left out keep their current channel. */
export const NotificationSettingsBody = z.strictObject({
  kinds: z.partialRecord(SettingKind, NotificationChannel),
});
export type NotificationSettingsBody = z.infer<typeof NotificationSettingsBody>;

/** The contract's fields, plus the request's key and title so the bell can link without another read. */
export const Notification = z.object({
  id: z.number().int(),
  kind: NotificationKind,
  requestId: z.number().int(),
  requestKey: z.string(),
  actorId: z.number().int().nullable(),
  text: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** Newest first; `nextCursor` is the id to pass as `cursor` for the next page. */
export const NotificationList = z.object({
  items: z.array(Notification),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'must be a notification id' })
    .optional(),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

/** Mark some (`ids`, at most 500) or all of one's own notifications read; ids of others are ignored. */
export const MarkReadBody = z
  .strictObject({
    ids: z.array(z.number().int().positive()).min(1).max(500).optional(),
    all: z.literal(true).optional(),
  })
  .refine((b) => (b.ids === undefined) !== (b.all === undefined), { error: 'give either ids or all: true', path: ['ids'] });
export type MarkReadBody = z.infer<typeof MarkReadBody>;

/** The answer to POST /api/notifications/read. */
export const MarkReadResult = z.object({ unreadCount: z.number().int() });
export type MarkReadResult = z.infer<typeof MarkReadResult>;
