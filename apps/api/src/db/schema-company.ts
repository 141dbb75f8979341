import { integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { statuses } from '@altitude/shared/domain';

/**
 * The company's settings tables (targets, workflow columns, holidays, key/value settings): they
 * reference nothing, so they live apart to keep schema.ts short; schema.ts re-exports them, so
 * drizzle-kit and every importer still find them there.
 */
/** Strategic-share target per quarter, `periodStart` being the quarter's first day. */
export const targets = sqliteTable(
  'targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    periodStart: text('period_start').notNull(),
    strategicShare: real('strategic_share').notNull(),
  },
  (t) => [uniqueIndex('targets_period_idx').on(t.periodStart)],
);

/** Per-column workflow settings; a null limit means no WIP limit. */
export const workflowColumns = sqliteTable('workflow_columns', {
  status: text('status', { enum: statuses }).primaryKey(),
  wipLimit: integer('wip_limit'),
});

/** Company holidays: days nobody is expected to work, taken out of available time. */
export const holidays = sqliteTable('holidays', {
  date: text('date').primaryKey(),
  name: text('name').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
