import { sql } from 'drizzle-orm';
import type { ReportClass } from '@altitude/shared/reports';
import { requests } from '../../db/schema';

/**
 * A request's class as reports count it. A classification only counts once a marketer has
 * confirmed it (`classification_suggested = 0`); a type's default alone is "unclassified".
 * The same rule as `reportClassOf` in packages/shared, for queries that count per request.
 */
export const reportClass = sql<ReportClass>`(case when ${requests.classificationSuggested} = 0 and ${requests.classification} in ('strategic', 'tactical') then ${requests.classification} else 'unclassified' end)`;
