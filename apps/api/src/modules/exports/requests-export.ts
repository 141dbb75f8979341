import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { requestKey } from '@altitude/shared/requests';
import type { Queryable } from '../../db/client';
import { departments, requests, requestTypes, timeEntries, users } from '../../db/schema';
import { reportClass } from '../insights/report-class';
import type { ReportPeriod } from '../insights/report-period';
import { byIdPages, type CsvColumn } from './csv';

const requester = alias(users, 'requester');
const assignee = alias(users, 'assignee');

const minutesLogged = (period?: ReportPeriod) =>
  sql<number>`(select coalesce(sum(${timeEntries.minutes}), 0) from ${timeEntries} where ${timeEntries.requestId} = ${requests.id}${
    period ? sql` and ${timeEntries.date} between ${period.from} and ${period.to}` : sql``
  })`.mapWith(Number);

/**
 * A request belongs to a period's export when it was touched in it: filed, closed, or worked
 * on (time logged). So every request behind the period's time entries is in the file.
 */
const touchedIn = (p: ReportPeriod) => sql`(
  (${requests.createdAt} >= ${p.startAt} and ${requests.createdAt} < ${p.endAt})
  or (${requests.completedAt} >= ${p.startAt} and ${requests.completedAt} < ${p.endAt})
  or exists (select 1 from ${timeEntries} where ${timeEntries.requestId} = ${requests.id} and ${timeEntries.date} between ${p.from} and ${p.to})
)`;

function page(db: Queryable, period: ReportPeriod, afterId: number, size: number) {
  return db
    .select({
      id: requests.id,
      title: requests.title,
      type: requestTypes.name,
      department: departments.name,
      requester: requester.name,
      assignee: assignee.name,
      status: requests.status,
      resolution: requests.resolution,
      classification: reportClass,
      priority: requests.priority,
      dueDate: requests.dueDate,
      estimateMinutes: requests.estimateMinutes,
      loggedMinutes: minutesLogged(),
      periodMinutes: minutesLogged(period),
      createdAt: requests.createdAt,
      startedAt: requests.startedAt,
      completedAt: requests.completedAt,
    })
    .from(requests)
    .innerJoin(requestTypes, eq(requestTypes.id, requests.typeId))
    .innerJoin(departments, eq(departments.id, requests.departmentId))
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .leftJoin(assignee, eq(assignee.id, requests.assigneeId))
    .where(and(gt(requests.id, afterId), touchedIn(period)))
    .orderBy(asc(requests.id))
    .limit(size)
    .all();
}

export type RequestExportRow = ReturnType<typeof page>[number] & { key: string };

export const requestExportColumns: CsvColumn<RequestExportRow>[] = [
  { key: 'key', header: 'key' },
  { key: 'title', header: 'title' },
  { key: 'type', header: 'type' },
  { key: 'department', header: 'department' },
  { key: 'requester', header: 'requester' },
  { key: 'assignee', header: 'assignee' },
  { key: 'status', header: 'status' },
  { key: 'resolution', header: 'resolution' },
  { key: 'classification', header: 'classification' },
  { key: 'priority', header: 'priority' },
  { key: 'dueDate', header: 'due_date' },
  { key: 'estimateMinutes', header: 'estimate_minutes' },
  { key: 'loggedMinutes', header: 'logged_minutes' },
  { key: 'periodMinutes', header: 'period_minutes' },
  { key: 'createdAt', header: 'created_at' },
  { key: 'startedAt', header: 'started_at' },
  { key: 'completedAt', header: 'completed_at' },
];

/** Requests touched in the period, oldest id first, read page by page. */
export function* requestExportRows(db: Queryable, period: ReportPeriod): Generator<RequestExportRow> {
  for (const row of byIdPages((after, size) => page(db, period, after, size))) yield { ...row, key: requestKey(row.id) };
}
