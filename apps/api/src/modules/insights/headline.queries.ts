import { and, gte, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { departments, requests, requestTypes } from '../../db/schema';
import type { ReportPeriod } from './report-period';

/**
 * Requests filed in the period, per requesting department. `requests_type_idx` leads with type
 * and department, then the filing time: one range per (type, department), read in group order,
 * so SQLite neither sorts nor reads a request row.
 */
export function receivedByDepartment(db: Queryable, period: ReportPeriod): Map<number, number> {
  const rows = db.all<{ departmentId: number; n: number }>(sql`
    select department_id as departmentId, sum(n) as n from (
      select ${requests.typeId} as type_id, ${requests.departmentId} as department_id, count(*) as n
      from ${requests} indexed by requests_type_idx
      where ${requests.typeId} in (select ${requestTypes.id} from ${requestTypes}) and ${requests.departmentId} in (select ${departments.id} from ${departments})
        and ${requests.createdAt} >= ${period.startAt} and ${requests.createdAt} < ${period.endAt}
      group by ${requests.typeId}, ${requests.departmentId}
    ) group by department_id
  `);
  return new Map(rows.map((r) => [r.departmentId, r.n]));
}

/** Requests filed in the period: a range of the filing-time index. */
export const receivedCount = (db: Queryable, period: ReportPeriod): number =>
  db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(requests)
    .where(and(gte(requests.createdAt, period.startAt), lt(requests.createdAt, period.endAt)))
    .get()!.n;
