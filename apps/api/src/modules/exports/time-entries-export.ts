import { and, asc, eq, gt, gte, lte } from 'drizzle-orm';
import { requestKey } from '@altitude/shared/requests';
import type { Queryable } from '../../db/client';
import { departments, requests, requestTypes, timeEntries, users } from '../../db/schema';
import { reportClass } from '../insights/report-class';
import type { ReportPeriod } from '../insights/report-period';
import { byIdPages, type CsvColumn } from './csv';

function page(db: Queryable, period: ReportPeriod, afterId: number, size: number) {
  return db
    .select({
      id: timeEntries.id,
      date: timeEntries.date,
      requestId: timeEntries.requestId,
      requestTitle: requests.title,
      type: requestTypes.name,
      department: departments.name,
      classification: reportClass,
      user: users.name,
      minutes: timeEntries.minutes,
      note: timeEntries.note,
      createdAt: timeEntries.createdAt,
    })
    .from(timeEntries)
    .innerJoin(requests, eq(requests.id, timeEntries.requestId))
    .innerJoin(requestTypes, eq(requestTypes.id, requests.typeId))
    .innerJoin(departments, eq(departments.id, requests.departmentId))
    .innerJoin(users, eq(users.id, timeEntries.userId))
    .where(and(gt(timeEntries.id, afterId), gte(timeEntries.date, period.from), lte(timeEntries.date, period.to)))
    .orderBy(asc(timeEntries.id))
    .limit(size)
    .all();
}

export type TimeEntryExportRow = ReturnType<typeof page>[number] & { requestKey: string };

export const timeEntryExportColumns: CsvColumn<TimeEntryExportRow>[] = [
  { key: 'id', header: 'id' },
  { key: 'date', header: 'date' },
  { key: 'requestKey', header: 'request_key' },
  { key: 'requestTitle', header: 'request_title' },
  { key: 'type', header: 'type' },
  { key: 'department', header: 'department' },
  { key: 'classification', header: 'classification' },
  { key: 'user', header: 'user' },
  { key: 'minutes', header: 'minutes' },
  { key: 'note', header: 'note' },
  { key: 'createdAt', header: 'created_at' },
];

/** Time entries dated in the period, in the order they were logged, read page by page. */
export function* timeEntryExportRows(db: Queryable, period: ReportPeriod): Generator<TimeEntryExportRow> {
  for (const row of byIdPages((after, size) => page(db, period, after, size))) yield { ...row, requestKey: requestKey(row.requestId) };
}
