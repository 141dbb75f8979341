import { and, eq, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { openStatuses } from '@altitude/shared/domain';
import type { InitiativesReport } from '@altitude/shared/initiatives';
import { quarterRange } from '@altitude/shared/quarter';
import type { Queryable } from '../../db/client';
import { initiatives, requests, timeEntries } from '../../db/schema';
import { reportClass } from '../insights/report-class';
import type { ReportPeriod } from '../insights/report-period';

const strategicMinutes = sql<number>`coalesce(sum(iif(${reportClass} = 'strategic', ${timeEntries.minutes}, 0)), 0)`;

/**
 * Hours, deliveries and open work per initiative, and the strategic time no initiative claims.
 * Minutes are the time entries dated in the period on the initiative's requests (by their class
 * now, as every report counts them); delivered: done with completedAt in the period; open: open
 * now, whatever the period. An initiative is listed when it has any of those, or when it is
 * active and its quarter overlaps the period (an initiative with nothing yet is a finding too).
 */
export function readInitiativesReport(db: Queryable, period: ReportPeriod): InitiativesReport {
  const logged = db
    .select({ id: requests.initiativeId, strategicMinutes, minutes: sql<number>`sum(${timeEntries.minutes})` })
    .from(timeEntries)
    .innerJoin(requests, eq(requests.id, timeEntries.requestId))
    .where(and(sql`${timeEntries.date} between ${period.from} and ${period.to}`, isNotNull(requests.initiativeId)))
    .groupBy(requests.initiativeId)
    .all();
  const delivered = countByInitiative(
    db,
    and(eq(requests.resolution, 'delivered'), gte(requests.completedAt, period.startAt), lt(requests.completedAt, period.endAt)),
  );
  const open = countByInitiative(db, inArray(requests.status, [...openStatuses]));
  const minutesOf = new Map(logged.map((r) => [r.id!, r]));
  const items = db
    .select({
      id: initiatives.id,
      name: initiatives.name,
      ownerId: initiatives.ownerId,
      quarter: initiatives.quarter,
      archived: initiatives.archived,
    })
    .from(initiatives)
    .all()
    .map((i) => ({
      initiativeId: i.id,
      name: i.name,
      ownerId: i.ownerId,
      quarter: i.quarter,
      strategicMinutes: minutesOf.get(i.id)?.strategicMinutes ?? 0,
      minutes: minutesOf.get(i.id)?.minutes ?? 0,
      delivered: delivered.get(i.id) ?? 0,
      open: open.get(i.id) ?? 0,
      inPeriod: !i.archived && overlaps(i.quarter, period),
    }))
    .filter((i) => i.minutes > 0 || i.delivered > 0 || i.open > 0 || i.inPeriod)
    .sort((a, b) => b.strategicMinutes - a.strategicMinutes || b.quarter.localeCompare(a.quarter) || a.name.localeCompare(b.name))
    .map(({ inPeriod: _inPeriod, ...row }) => row);
  const unlinked = db
    .select({ strategicMinutes, requests: sql<number>`count(distinct ${timeEntries.requestId})` })
    .from(timeEntries)
    .innerJoin(requests, eq(requests.id, timeEntries.requestId))
    .where(
      and(
        sql`${timeEntries.date} between ${period.from} and ${period.to}`,
        isNull(requests.initiativeId),
        sql`${reportClass} = 'strategic'`,
      ),
    )
    .get()!;
  return { from: period.from, to: period.to, items, unlinked };
}

function countByInitiative(db: Queryable, where: ReturnType<typeof and>): Map<number, number> {
  const rows = db
    .select({ id: requests.initiativeId, n: sql<number>`count(*)` })
    .from(requests)
    .where(and(isNotNull(requests.initiativeId), where))
    .groupBy(requests.initiativeId)
    .all();
  return new Map(rows.map((r) => [r.id!, r.n]));
}

function overlaps(quarter: string, period: { from: string; to: string }): boolean {
  const q = quarterRange(quarter);
  return q.from <= period.to && q.to >= period.from;
}
