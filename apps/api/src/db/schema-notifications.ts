import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { notificationChannels, notificationKinds, settingKinds } from '@altitude/shared/notifications';
import { roles } from '@altitude/shared/domain';
import { requests } from './schema';
import { createdAt, departments, users } from './schema-directory';
import { messages } from './schema-mail';

/**
 * One row per person and event worth telling them about, written in the transaction of the change
 * that caused it. `mail` is what the person's setting said at that moment: `none` (bell only),
 * `immediate` (batched into a message within minutes) or `digest` (the daily digest);
 * `messageId` is set once a message carried it, so nothing is mailed twice.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    actorId: integer('actor_id').references(() => users.id),
    text: text('text').notNull(),
    createdAt: createdAt(),
    readAt: text('read_at'),
    mail: text('mail', { enum: ['none', 'immediate', 'digest'] })
      .notNull()
      .default('none'),
    messageId: integer('message_id').references(() => messages.id),
    /**
     * For kinds that must happen once per occasion (due soon, overdue: once per request and due
     * date): the occasion, unique with person, kind and request. Null for the others.
     */
    occasion: text('occasion'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx')
      .on(t.userId, t.id)
      .where(sql`${t.readAt} IS NULL`),
    index('notifications_unmailed_idx')
      .on(t.mail, t.userId, t.id)
      .where(sql`${t.messageId} IS NULL AND ${t.mail} <> 'none'`),
    uniqueIndex('notifications_occasion_idx')
      .on(t.userId, t.kind, t.requestId, t.occasion)
      .where(sql`${t.occasion} IS NOT NULL`),
  ],
);

/** A person's channel per kind; a kind without a row uses `defaultChannel`. */
export const notificationSettings = sqliteTable(
  'notification_settings',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: settingKinds }).notNull(),
    channel: text('channel', { enum: notificationChannels }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * The persisted schedule: one row per job and slot that ran (`daily_digest` / `weekly_brief` and
 * the slot's company date, YYYY-MM-DD: the day, or the week's Monday), inserted in the same transaction as the messages the run wrote, so
 * after a restart a slot is neither skipped (it has no row: run it) nor repeated (the primary key).
 */
export const scheduleRuns = sqliteTable(
  'schedule_runs',
  {
    job: text('job').notNull(),
    slot: text('slot').notNull(),
    ranAt: text('ran_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.slot] })],
);

/**
 * Invitations by link: a lead names the person, role and department; the person sets their own
 * password by following the link. Only the SHA-256 of the token is stored. Single use, expiring.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    canViewInsights: integer('can_view_insights', { mode: 'boolean' }).notNull().default(false),
    invitedById: integer('invited_by_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: text('expires_at').notNull(),
    acceptedAt: text('accepted_at'),
    revokedAt: text('revoked_at'),
    /** The account the acceptance created. */
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [index('invitations_email_idx').on(t.email)],
);
