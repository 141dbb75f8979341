import { sql } from 'drizzle-orm';
import type { ReportClass } from '@altitude/shared/reports';
import { requests } from '../../db/schema';

/**
 * A request's class as reports count it. A classification only counts once a marketer has
 * confirmed it (`classification_suggested = 0`); a type's default alone is "unclassified".
 * The same rule as `reportClassOf` in packages/shared, for queries that count per request.
 *
 * Written exactly as the expression the flow indexes are built on (schema.ts, `reportClassSql`),
 * so SQLite can read it from those indexes instead of computing it row by row.
 */
export const reportClass = sql<ReportClass>`(case when ${requests.classificationSuggested} = 0 and ${requests.classification} = 'strategic' then 'strategic' when ${requests.classificationSuggested} = 0 and ${requests.classification} = 'tactical' then 'tactical' else 'unclassified' end)`;

/** Cycle time in days (first move out of intake → done), as the cycle-time indexes are built on it. */
export const cycleDays = sql<number>`(julianday(${requests.completedAt}) - julianday(${requests.startedAt}))`;
