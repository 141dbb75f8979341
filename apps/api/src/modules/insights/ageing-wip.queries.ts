import { inArray, sql } from 'drizzle-orm';
import { roundTo } from './rules/report-maths';
import { requestKey } from '@altitude/shared/requests';
import { openStatuses, type ReportClass } from '@altitude/shared/domain';
import type { AgeingCard, Flow } from '@altitude/shared/insights';
import type { Queryable } from '../../db/client';
import { departments, requests, requestTypes, users, workflowColumns } from '../../db/schema';
import { reportClass } from './report-class';

export const oldestPerColumn = 5;
const dayMs = 86_400_000;

/**
 * Work in progress as it stands now: per open column its count and its oldest cards. Age runs
 * from filing for cards in intake and from the first move out of intake for the rest, the
 * same start as cycle time, so an ageing card reads against the type's turnaround.
 */
export function readAgeingWip(db: Queryable, now: Date): Flow['ageingWip'] {
  const since = sql<string>`(case when ${requests.status} = 'intake' or ${requests.startedAt} is null then ${requests.createdAt} else ${requests.startedAt} end)`;
  // The oldest few of each column first (a range of the board index and a small top-N sort),
  // then the names for those cards only.
  const oldest = sql.join(
    openStatuses.map(
      (status) =>
        sql`select * from (select ${requests.id} as id, ${since} as since from ${requests} where ${requests.status} = ${status} order by since, ${requests.id} limit ${oldestPerColumn})`,
    ),
    sql` union all `,
  );
  const rows = db.all<Omit<AgeingCard, 'key' | 'ageDays'>>(sql`
    select ${requests.id} as id, ${requests.title} as title, ${requests.status} as status, ${reportClass} as classification,
      ${requests.typeId} as typeId, ${requestTypes.name} as typeName, ${requestTypes.turnaroundDays} as turnaroundDays,
      ${requests.departmentId} as departmentId, ${departments.name} as departmentName,
      ${requests.assigneeId} as assigneeId, ${users.name} as assigneeName, ${requests.dueDate} as dueDate, oldest.since as since
    from (${oldest}) as oldest
    join ${requests} on ${requests.id} = oldest.id
    join ${requestTypes} on ${requestTypes.id} = ${requests.typeId}
    join ${departments} on ${departments.id} = ${requests.departmentId}
    left join ${users} on ${users.id} = ${requests.assigneeId}
    order by oldest.since, ${requests.id}
  `);
  const counts = new Map(
    db
      .select({ status: requests.status, n: sql<number>`count(*)`.mapWith(Number) })
      .from(requests)
      .where(inArray(requests.status, [...openStatuses]))
      .groupBy(requests.status)
      .all()
      .map((r) => [r.status, r.n]),
  );
  const limits = new Map(
    db
      .select()
      .from(workflowColumns)
      .all()
      .map((c) => [c.status, c.wipLimit]),
  );
  return openStatuses.map((status) => ({
    status,
    count: counts.get(status) ?? 0,
    wipLimit: limits.get(status) ?? null,
    items: rows
      .filter((r) => r.status === status)
      .map((r) => ({
        ...r,
        classification: r.classification as ReportClass,
        key: requestKey(r.id),
        ageDays: roundTo((now.getTime() - Date.parse(r.since)) / dayMs, 1),
      })),
  }));
}
