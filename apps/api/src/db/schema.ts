import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { FieldAnswers } from '@altitude/shared/intake-fields';
import { classifications, priorities, reportClassSql, resolutions, statuses } from '@altitude/shared/domain';
import { createdAt, departments, initiatives, requestTypes, users } from './schema-directory';

/**
 * A request's class as reports count it (`reportClassSql`, domain.ts) and its cycle time in days
 * (first move out of intake → done): the flow indexes are built on these, and
 * modules/insights/report-class.ts queries with the same text, so SQLite matches them.
 */
export const cycleDaysSql = (prefix = ''): string => `(julianday(${prefix}completed_at) - julianday(${prefix}started_at))`;
const reportClassIndexed = sql.raw(reportClassSql());
const cycleDaysIndexed = sql.raw(cycleDaysSql());

export const requests = sqliteTable(
  'requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    brief: text('brief').notNull().default(''),
    typeId: integer('type_id')
      .notNull()
      .references(() => requestTypes.id),
    requesterId: integer('requester_id')
      .notNull()
      .references(() => users.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    businessGoal: text('business_goal').notNull().default(''),
    audience: text('audience').notNull().default(''),
    dueDate: text('due_date'),
    priority: text('priority', { enum: priorities }).notNull().default('normal'),
    status: text('status', { enum: statuses }).notNull().default('intake'),
    resolution: text('resolution', { enum: resolutions }),
    classification: text('classification', { enum: classifications }),
    classificationNote: text('classification_note'),
    classificationSuggested: integer('classification_suggested', { mode: 'boolean' }).notNull().default(true),
    classifiedById: integer('classified_by_id').references(() => users.id),
    classifiedAt: text('classified_at'),
    assigneeId: integer('assignee_id').references(() => users.id),
    estimateMinutes: integer('estimate_minutes'),
    /** The date a marketer commits to when planning; `dueDate` stays the requester's "needed by". */
    plannedFor: text('planned_for'),
    /** The business-day turnaround's promise at filing (shared/business-time.ts expectedByFor). */
    expectedBy: text('expected_by'),
    /** Needed by (`dueDate`) before `expectedBy` when filed. */
    rush: integer('rush', { mode: 'boolean' }).notNull().default(false),
    /** Answers to the type's intake questions, by key, as JSON. */
    fields: text('fields', { mode: 'json' })
      .$type<FieldAnswers>()
      .notNull()
      .default(sql`'{}'`),
    /** 'requester' while a needs-info question waits for its answer. */
    waitingOn: text('waiting_on', { enum: ['requester'] }),
    /** Business minutes of finished pauses (needs-info rounds, time closed before a reopen). */
    pausedMinutes: integer('paused_minutes').notNull().default(0),
    /** Start of the pause in progress: the SLA clock stands still from here. */
    pausedSince: text('paused_since'),
    /** A marketer's or lead's first comment, move, assignment, classification or question. */
    firstResponseAt: text('first_response_at'),
    needsInfoRounds: integer('needs_info_rounds').notNull().default(0),
    /** The strategic initiative this request serves (strategic requests only). */
    initiativeId: integer('initiative_id').references(() => initiatives.id),
    position: text('position').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
    /** First move out of intake: the start of cycle time. */
    startedAt: text('started_at'),
    completedAt: text('completed_at'),
  },
  (t) => [
    uniqueIndex('requests_board_idx').on(t.status, t.position),
    index('requests_department_idx').on(t.departmentId, t.status),
    index('requests_requester_idx').on(t.requesterId),
    index('requests_assignee_idx').on(t.assigneeId),
    // Type first (the board's type filter), then what the hand-back and "received by department"
    // reports read, so they walk the index alone, one (type, department) range at a time.
    index('requests_type_idx').on(t.typeId, t.departmentId, t.createdAt, t.classificationSuggested, t.classification, t.resolution),
    index('requests_completed_idx').on(t.completedAt),
    // The done and declined columns page newest-first without sorting the whole column.
    index('requests_closed_idx').on(t.status, t.completedAt, t.id),
    index('requests_created_idx').on(t.createdAt),
    index('requests_initiative_idx').on(t.initiativeId),
    // The service-levels report walks these alone (no row of the table is read): deliveries in a
    // period with their clock columns, and requests filed in a period with what it counts.
    index('requests_sl_delivered_idx').on(
      t.status,
      t.completedAt,
      t.createdAt,
      t.expectedBy,
      t.pausedMinutes,
      t.pausedSince,
      t.typeId,
      t.departmentId,
      t.assigneeId,
    ),
    index('requests_sl_filed_idx').on(
      t.createdAt,
      t.typeId,
      t.departmentId,
      t.assigneeId,
      t.needsInfoRounds,
      t.rush,
      t.pausedMinutes,
      t.pausedSince,
      t.firstResponseAt,
      t.status,
      t.completedAt,
    ),
    // Flow reports, over delivered requests only (partial: a move between open columns never
    // touches them). Deliveries by class per period or week are ranges of the first; cycle-time
    // percentiles walk the others in cycle-time order, so no query sorts the deliveries.
    index('requests_done_class_idx')
      .on(reportClassIndexed, t.completedAt, t.startedAt)
      .where(sql`status = 'done'`),
    index('requests_cycle_idx')
      .on(cycleDaysIndexed, t.completedAt)
      .where(sql`status = 'done' and started_at is not null`),
    index('requests_cycle_class_idx')
      .on(reportClassIndexed, cycleDaysIndexed, t.completedAt)
      .where(sql`status = 'done' and started_at is not null`),
    index('requests_cycle_type_idx')
      .on(t.typeId, cycleDaysIndexed, t.completedAt)
      .where(sql`status = 'done' and started_at is not null`),
  ],
);

export const timeEntries = sqliteTable(
  'time_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    minutes: integer('minutes').notNull(),
    date: text('date').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    // Covering indexes: per-request totals and per-period splits read only the index; the rollup
    // triggers look up a request's entries by date (and by marketer) through the first.
    index('time_entries_request_idx').on(t.requestId, t.date, t.userId, t.minutes),
    index('time_entries_date_idx').on(t.date, t.requestId, t.minutes, t.userId),
    index('time_entries_user_idx').on(t.userId, t.date),
  ],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('comments_request_idx').on(t.requestId, t.createdAt)],
);

export const activity = sqliteTable(
  'activity',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    field: text('field'),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    createdAt: createdAt(),
  },
  (t) => [index('activity_request_idx').on(t.requestId, t.createdAt), index('activity_kind_idx').on(t.kind, t.createdAt)],
);

/** Needs-info rounds: a marketer's question to the requester and, once it came, the answer. */
export const requestQuestions = sqliteTable(
  'request_questions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    askedById: integer('asked_by_id')
      .notNull()
      .references(() => users.id),
    question: text('question').notNull(),
    askedAt: text('asked_at').notNull(),
    answer: text('answer'),
    answeredById: integer('answered_by_id').references(() => users.id),
    answeredAt: text('answered_at'),
  },
  (t) => [index('request_questions_request_idx').on(t.requestId, t.askedAt)],
);

/** People following a request they did not file (instead of filing a duplicate). */
export const requestFollowers = sqliteTable(
  'request_followers',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] }), index('request_followers_user_idx').on(t.userId)],
);

/**
 * "Accept anyway": a marketer or lead assigned tactical work that takes `reserveMinutes` of the
 * assignee's strategic reserve. `departmentId` is the requesting department's, kept as it was.
 */
export const reserveOverrides = sqliteTable(
  'reserve_overrides',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    acceptedById: integer('accepted_by_id')
      .notNull()
      .references(() => users.id),
    assigneeId: integer('assignee_id')
      .notNull()
      .references(() => users.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    reserveMinutes: integer('reserve_minutes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('reserve_overrides_created_idx').on(t.createdAt, t.departmentId)],
);

/** What a requester did when the form offered a self-serve kit: used it, or filed anyway (why). */
export const kitOutcomes = sqliteTable(
  'kit_outcomes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    typeId: integer('type_id')
      .notNull()
      .references(() => requestTypes.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    outcome: text('outcome', { enum: ['used', 'filed'] }).notNull(),
    reason: text('reason'),
    requestId: integer('request_id').references(() => requests.id),
    createdAt: createdAt(),
  },
  (t) => [index('kit_outcomes_type_idx').on(t.typeId, t.createdAt)],
);

// The report rollup tables live in their own file to keep this one short; re-exported so every
// importer (and drizzle-kit, which reads only this file) still sees them here.
export * from './schema-rollups';
export * from './schema-company';
export * from './schema-directory';
