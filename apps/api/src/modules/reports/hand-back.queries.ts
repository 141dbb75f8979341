import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { handBackRule } from '@altitude/shared/report-maths';
import { periodDays } from '@altitude/shared/report-period';
import type { HandBack } from '@altitude/shared/reports';
import type { Queryable } from '../../db/client';
import { departments, requests, requestTypes, timeEntries } from '../../db/schema';
import type { ReportPeriod } from './report-period';

export const maxRequestIds = 500;

/** All the time ever logged on a request: effort is per request, wherever it fell. */
const loggedOnRequest = sql<number>`(select coalesce(sum(${timeEntries.minutes}), 0) from ${timeEntries} where ${timeEntries.requestId} = ${requests.id})`;

/**
 * Requests that count towards a hand-back candidate: filed in the period, of a type whose default
 * is tactical, not confirmed strategic by a marketer, not withdrawn by the requester.
 */
function candidateRequests(period: ReportPeriod): SQL {
  return sql`${requests.createdAt} >= ${period.startAt} and ${requests.createdAt} < ${period.endAt}
    and ${requestTypes.defaultClassification} = 'tactical'
    and not (${requests.classificationSuggested} = 0 and ${requests.classification} = 'strategic')
    and coalesce(${requests.resolution}, '') <> 'cancelled'`;
}

/**
 * Tactical request types one department files again and again at low effort each: work that
 * could move to a self-serve kit. The rule's thresholds come from `handBackRule`.
 */
export function readHandBack(db: Queryable, period: ReportPeriod): HandBack {
  const rule = handBackRule(periodDays(period));
  const rows = db.all<{ departmentId: number; departmentName: string; typeId: number; typeName: string; requestCount: number; workedCount: number; handedBackCount: number; totalMinutes: number }>(sql`
    select r.departmentId, ${departments.name} as departmentName, r.typeId, ${requestTypes.name} as typeName,
      count(*) as requestCount, sum(r.logged > 0) as workedCount, sum(r.handedBack) as handedBackCount, sum(r.logged) as totalMinutes
    from (
      select ${requests.departmentId} as departmentId, ${requests.typeId} as typeId, ${loggedOnRequest} as logged,
        ${requests.resolution} = 'handed_back' as handedBack
      from ${requests} join ${requestTypes} on ${requestTypes.id} = ${requests.typeId}
      where ${candidateRequests(period)}
    ) r
    join ${departments} on ${departments.id} = r.departmentId
    join ${requestTypes} on ${requestTypes.id} = r.typeId
    group by r.departmentId, r.typeId
    having count(*) >= ${rule.minRequests} and sum(r.logged > 0) > 0 and sum(r.logged) <= ${rule.maxMinutesEach} * sum(r.logged > 0)
    order by totalMinutes desc, requestCount desc, r.departmentId, r.typeId
  `);
  return {
    from: period.from,
    to: period.to,
    rule,
    items: rows.map((r) => ({
      ...r,
      handedBackCount: r.handedBackCount ?? 0,
      minutesEach: Math.round(r.totalMinutes / r.workedCount),
      requestIds: db
        .select({ id: requests.id })
        .from(requests)
        .innerJoin(requestTypes, eq(requestTypes.id, requests.typeId))
        .where(and(eq(requests.departmentId, r.departmentId), eq(requests.typeId, r.typeId), candidateRequests(period)))
        .orderBy(asc(requests.id))
        .limit(maxRequestIds)
        .all()
        .map((x) => x.id),
    })),
  };
}
