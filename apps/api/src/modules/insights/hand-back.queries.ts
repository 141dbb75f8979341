import { sql, type SQL } from 'drizzle-orm';
import { handBackRule } from './rules/report-maths';
import { periodDays } from './rules/period';
import type { HandBack } from '@altitude/shared/insights';
import type { Queryable } from '../../db/client';
import { departments, requests, requestTime, requestTypes } from '../../db/schema';
import type { ReportPeriod } from './report-period';
import { kitFigures } from './hand-back-kits.queries';

export const maxRequestIds = 500;

/**
 * Requests that count towards a hand-back candidate: filed in the period, of a type whose default
 * is tactical, not confirmed strategic by a marketer, not withdrawn by the requester. Read from
 * `requests_type_idx` (type, department, filed, classification, resolution) alone.
 */
function candidateRequests(period: ReportPeriod): SQL {
  return sql`${requests.createdAt} >= ${period.startAt} and ${requests.createdAt} < ${period.endAt}
    and not (${requests.classificationSuggested} = 0 and ${requests.classification} = 'strategic')
    and coalesce(${requests.resolution}, '') <> 'cancelled'`;
}
const tacticalTypes = sql`select ${requestTypes.id} from ${requestTypes} where ${requestTypes.defaultClassification} = 'tactical'`;

/**
 * Tactical request types one department files again and again at low effort each: work that
 * could move to a self-serve kit. The rule's thresholds come from `handBackRule`. Effort is all
 * the time ever logged on a request, wherever it fell: `request_time` keeps it per request.
 */
export function readHandBack(db: Queryable, period: ReportPeriod): HandBack {
  const rule = handBackRule(periodDays(period));
  const logged = sql`coalesce(${requestTime.minutes}, 0)`;
  const rows = db.all<{
    departmentId: number;
    departmentName: string;
    typeId: number;
    typeName: string;
    requestCount: number;
    workedCount: number;
    handedBackCount: number;
    totalMinutes: number;
  }>(sql`
    select g.departmentId, ${departments.name} as departmentName, g.typeId, ${requestTypes.name} as typeName,
      g.requestCount, g.workedCount, g.handedBackCount, g.totalMinutes
    from (
      select ${requests.departmentId} as departmentId, ${requests.typeId} as typeId, count(*) as requestCount, sum(${logged} > 0) as workedCount,
        sum(${requests.resolution} = 'handed_back') as handedBackCount, sum(${logged}) as totalMinutes
      from ${requests} indexed by requests_type_idx
      left join ${requestTime} on ${requestTime.requestId} = ${requests.id}
      where ${requests.typeId} in (${tacticalTypes}) and ${requests.departmentId} in (select ${departments.id} from ${departments}) and ${candidateRequests(period)}
      group by ${requests.typeId}, ${requests.departmentId}
      having count(*) >= ${rule.minRequests} and sum(${logged} > 0) > 0 and sum(${logged}) <= ${rule.maxMinutesEach} * sum(${logged} > 0)
    ) g
    join ${departments} on ${departments.id} = g.departmentId
    join ${requestTypes} on ${requestTypes.id} = g.typeId
    order by g.totalMinutes desc, g.requestCount desc, g.departmentId, g.typeId
  `);
  const kits = kitFigures(db, period, rows);
  return {
    from: period.from,
    to: period.to,
    rule,
    items: rows.map((r, i) => ({
      ...r,
      ...kits[i]!,
      handedBackCount: r.handedBackCount ?? 0,
      minutesEach: Math.round(r.totalMinutes / r.workedCount),
      requestIds: db
        .all<{ id: number }>(
          sql`
          select ${requests.id} as id from ${requests} indexed by requests_type_idx
          where ${requests.typeId} = ${r.typeId} and ${requests.departmentId} = ${r.departmentId} and ${candidateRequests(period)}
          order by ${requests.id} limit ${maxRequestIds}
        `,
        )
        .map((x) => x.id),
    })),
  };
}
