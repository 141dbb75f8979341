import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/*
 * Report rollups. Maintained by SQLite triggers (drizzle/0004_report_rollup_triggers.sql) inside
 * the transaction of every write to time_entries, and of every change to a request's class,
 * department or type, so they are always exact; no service code writes them. Minutes are kept
 * per class (strategic / tactical / unclassified as reports count them), and a row goes away when
 * its last entry does. The tables keyed by several columns are WITHOUT ROWID, so a range of the
 * key reads the rows themselves (added by hand to drizzle/0003: drizzle-kit cannot say it; a
 * change that makes drizzle-kit rebuild one of them must keep it).
 */

/** Minutes logged per day, requesting department and request type. */
export const timeRollupDay = sqliteTable(
  'time_rollup_day',
  {
    date: text('date').notNull(),
    departmentId: integer('department_id').notNull(),
    typeId: integer('type_id').notNull(),
    strategicMinutes: integer('strategic_minutes').notNull(),
    tacticalMinutes: integer('tactical_minutes').notNull(),
    unclassifiedMinutes: integer('unclassified_minutes').notNull(),
    entries: integer('entries').notNull(),
  },
  (t) => [primaryKey({ columns: [t.date, t.departmentId, t.typeId] })],
);

/**
 * The same per Monday-based week, with the distinct requests worked on that week: a period reads
 * its whole weeks here and only its partial first and last weeks from the daily rows.
 */
export const timeRollupWeek = sqliteTable(
  'time_rollup_week',
  {
    week: text('week').notNull(),
    departmentId: integer('department_id').notNull(),
    typeId: integer('type_id').notNull(),
    strategicMinutes: integer('strategic_minutes').notNull(),
    tacticalMinutes: integer('tactical_minutes').notNull(),
    unclassifiedMinutes: integer('unclassified_minutes').notNull(),
    entries: integer('entries').notNull(),
    requests: integer('requests').notNull(),
  },
  (t) => [primaryKey({ columns: [t.week, t.departmentId, t.typeId] })],
);

/** Minutes logged per day by each user (whose time it was). */
export const timeRollupUserDay = sqliteTable(
  'time_rollup_user_day',
  {
    date: text('date').notNull(),
    userId: integer('user_id').notNull(),
    strategicMinutes: integer('strategic_minutes').notNull(),
    tacticalMinutes: integer('tactical_minutes').notNull(),
    unclassifiedMinutes: integer('unclassified_minutes').notNull(),
    entries: integer('entries').notNull(),
  },
  (t) => [primaryKey({ columns: [t.date, t.userId] })],
);

/**
 * Per request with time logged: its department and type, the first and last day with time, and
 * all the minutes ever logged on it. A request had time in a period when its first or last day
 * falls in it; only one that spans the whole period needs a look at its entries.
 */
export const requestTime = sqliteTable(
  'request_time',
  {
    requestId: integer('request_id').primaryKey(),
    departmentId: integer('department_id').notNull(),
    typeId: integer('type_id').notNull(),
    firstDate: text('first_date').notNull(),
    lastDate: text('last_date').notNull(),
    minutes: integer('minutes').notNull(),
    entries: integer('entries').notNull(),
  },
  (t) => [
    index('request_time_department_idx').on(t.departmentId, t.lastDate, t.firstDate),
    index('request_time_type_idx').on(t.typeId, t.lastDate, t.firstDate),
  ],
);

/** The same per request and user who logged time on it. */
export const requestUserTime = sqliteTable(
  'request_user_time',
  {
    requestId: integer('request_id').notNull(),
    userId: integer('user_id').notNull(),
    firstDate: text('first_date').notNull(),
    lastDate: text('last_date').notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] }), index('request_user_time_user_idx').on(t.userId, t.lastDate, t.firstDate)],
);
