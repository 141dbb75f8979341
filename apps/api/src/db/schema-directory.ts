import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { IntakeField } from '@altitude/shared/intake-fields';
import type { SelfServeKit } from '@altitude/shared/self-serve-kits';
import { classifications, roles } from '@altitude/shared/domain';

/**
 * Who and what the company is made of (departments, request types, people, their sessions and
 * sign-in throttle, strategic initiatives): tables that reference no request, kept apart so
 * schema.ts stays short; schema.ts re-exports them, so drizzle-kit and every importer still find
 * them there.
 */
export const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const requestTypes = sqliteTable('request_types', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
  /** Business days (Mon–Fri minus holidays) a request of this type is expected to take. */
  turnaroundDays: integer('turnaround_days').notNull(),
  /** Business hours (09:00–17:00) until a marketer first responds. */
  firstResponseHours: integer('first_response_hours').notNull().default(8),
  defaultClassification: text('default_classification', { enum: classifications }).notNull(),
  /** The intake questions (`IntakeField[]`, packages/shared/src/intake-fields.ts) as JSON. */
  fields: text('fields', { mode: 'json' })
    .$type<IntakeField[]>()
    .notNull()
    .default(sql`'[]'`),
  /** A self-serve kit (`SelfServeKit`, shared/self-serve-kits.ts) as JSON, or null. */
  selfServeKit: text('self_serve_kit', { mode: 'json' }).$type<SelfServeKit>(),
  /** When the current kit was first published: "avoided and filed since". */
  kitPublishedAt: text('kit_published_at'),
  createdAt: createdAt(),
});

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: roles }).notNull(),
  departmentId: integer('department_id')
    .notNull()
    .references(() => departments.id),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Contracted working time per week (40 h by default; part-time less): what coverage divides by. */
  weeklyMinutes: integer('weekly_minutes').notNull().default(2400),
  /** Weekly time kept for strategic work when planning capacity. */
  strategicReserveMinutes: integer('strategic_reserve_minutes').notNull().default(0),
  /** Reads Insights (read-only, exports and print included) without being a lead. */
  canViewInsights: integer('can_view_insights', { mode: 'boolean' }).notNull().default(false),
  /** The OpenID Connect `sub` of a person who signs in through single sign-on; null otherwise. */
  oidcSubject: text('oidc_subject').unique(),
  createdAt: createdAt(),
});

/** The id is the SHA-256 of the cookie token, so a leaked database does not leak live sessions. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins per key (`account:<email>` or `ip:<address>`), kept so limits survive a restart. */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: text('window_start').notNull(),
  lockedUntil: text('locked_until'),
});

/** A strategic initiative for a quarter: strategic requests link to one (`requests.initiative_id`). */
export const initiatives = sqliteTable(
  'initiatives',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    /** `YYYY-Qn`. */
    quarter: text('quarter').notNull(),
    goal: text('goal').notNull().default(''),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('initiatives_quarter_name_idx').on(t.quarter, t.name)],
);
