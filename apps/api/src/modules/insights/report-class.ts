import { sql } from 'drizzle-orm';
import { reportClassSql, type ReportClass } from '@altitude/shared/domain';
import { cycleDaysSql } from '../../db/schema';

/**
 * A request's class as reports count it, for queries over `requests`: the shared rule's own SQL
 * text (`reportClassSql` in packages/shared/src/domain.ts), which is also what the flow indexes
 * are built on (schema.ts), so SQLite reads it from those indexes instead of computing it row by
 * row. The column names are qualified with the table, so a query may join others.
 */
export const reportClass = sql<ReportClass>`${sql.raw(reportClassSql('"requests".'))}`;

/** Cycle time in days (first move out of intake → done), as the cycle-time indexes are built on it. */
export const cycleDays = sql<number>`${sql.raw(cycleDaysSql('"requests".'))}`;
