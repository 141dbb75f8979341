import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { Classification } from '@altitude/shared/domain';
import type { Queryable } from '../../db/client';
import { activity, requests, requestTypes, timeEntries } from '../../db/schema';
import type { ReportPeriod } from './report-period';

export interface OverrideRow {
  requestId: number;
  title: string;
  typeId: number;
  departmentId: number;
  defaultClassification: Classification;
  classification: Classification;
  classifiedById: number | null;
  note: string | null;
  minutes: number;
}

/**
 * Requests classified against their type's default (confirmed, so they count in the share) with
 * their minutes inside the period. Walks `requests_type_idx` for the type and confirmed class,
 * then each match's entries by `time_entries_request_idx`: the overrides are few, the entries many.
 */
export function overrideRows(db: Queryable, period: ReportPeriod): OverrideRow[] {
  return db.all<OverrideRow>(sql`
    select ${requests.id} as requestId, ${requests.title} as title, ${requests.typeId} as typeId,
      ${requests.departmentId} as departmentId, ${requestTypes.defaultClassification} as defaultClassification,
      ${requests.classification} as classification, ${requests.classifiedById} as classifiedById,
      ${requests.classificationNote} as note, sum(${timeEntries.minutes}) as minutes
    from ${requestTypes}
    join ${requests} indexed by requests_type_idx on ${requests.typeId} = ${requestTypes.id}
      and ${requests.classificationSuggested} = 0 and ${requests.classification} <> ${requestTypes.defaultClassification}
    join ${timeEntries} on ${timeEntries.requestId} = ${requests.id}
      and ${timeEntries.date} >= ${period.from} and ${timeEntries.date} <= ${period.to}
    group by ${requests.id}
    order by minutes desc, ${requests.id}
  `);
}

export interface OverrideTotal {
  classification: Classification;
  count: number;
  minutes: number;
}

/**
 * The same requests as `overrideRows`, counted and summed per class given, for the insight that
 * needs only the totals: no row, title or note comes back and nothing is sorted. Each request's
 * minutes are one step down `time_entries_request_idx`; the CTE is materialized so that step runs
 * once per request (inlined, SQLite would repeat it for each aggregate that reads it).
 */
export function overrideTotals(db: Queryable, period: ReportPeriod): OverrideTotal[] {
  return db.all<OverrideTotal>(sql`
    with overridden(classification, minutes) as materialized (
      select ${requests.classification}, (
        select sum(${timeEntries.minutes}) from ${timeEntries}
        where ${timeEntries.requestId} = ${requests.id} and ${timeEntries.date} >= ${period.from} and ${timeEntries.date} <= ${period.to}
      )
      from ${requestTypes}
      join ${requests} indexed by requests_type_idx on ${requests.typeId} = ${requestTypes.id}
        and ${requests.classificationSuggested} = 0 and ${requests.classification} <> ${requestTypes.defaultClassification}
    )
    -- A request with no entry in the period has no minutes (null): not an override of this period.
    select classification, count(minutes) as count, coalesce(sum(minutes), 0) as minutes from overridden group by classification
  `);
}

/** Confirmed classes changed inside the period after work had started (`reclassified_after_start` rows). */
export function reclassifiedAfterStart(db: Queryable, period: ReportPeriod): number {
  return (
    db
      .select({ n: count() })
      .from(activity)
      .where(
        and(eq(activity.kind, 'reclassified_after_start'), gte(activity.createdAt, period.startAt), lt(activity.createdAt, period.endAt)),
      )
      .get()?.n ?? 0
  );
}
