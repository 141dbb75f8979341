import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Commitment } from '@altitude/shared/capacity';
import { openStatuses } from '@altitude/shared/domain';
import type { Queryable } from '../../db/client';
import { holidays, requests, requestTime, users } from '../../db/schema';
import { reportClass } from '../insights/report-class';

export interface AssignedCommitment extends Commitment {
  requestId: number;
  assigneeId: number;
  /** False when the request has no estimate: committed, counted as nothing. */
  estimated: boolean;
}

/**
 * Every assigned open request with what remains of its estimate (estimate minus the minutes
 * logged on it, kept per request in `request_time` by triggers) and the date it is worked
 * towards: the marketer's planned-for date, else the requester's needed-by, else the type's
 * expected-by. `assigneeIds` narrows it to some people.
 */
export function assignedCommitments(db: Queryable, assigneeIds?: readonly number[]): AssignedCommitment[] {
  const logged = sql<number>`coalesce((select "rt"."minutes" from ${requestTime} "rt" where "rt"."request_id" = "requests"."id"), 0)`;
  const rows = db
    .select({
      requestId: requests.id,
      assigneeId: requests.assigneeId,
      estimate: requests.estimateMinutes,
      logged,
      reportClass,
      until: sql<string | null>`coalesce(${requests.plannedFor}, ${requests.dueDate}, ${requests.expectedBy})`,
    })
    .from(requests)
    .where(
      and(
        inArray(requests.status, [...openStatuses]),
        isNotNull(requests.assigneeId),
        assigneeIds ? inArray(requests.assigneeId, [...assigneeIds]) : undefined,
      ),
    )
    .all();
  return rows.map((r) => ({
    requestId: r.requestId,
    assigneeId: r.assigneeId!,
    estimated: r.estimate !== null,
    remainingMinutes: Math.max(0, (r.estimate ?? 0) - Number(r.logged)),
    reportClass: r.reportClass,
    until: r.until,
  }));
}

/** The people capacity plans for: active marketers and leads, by name. */
export const plannedPeople = (db: Queryable) =>
  db
    .select({
      userId: users.id,
      name: users.name,
      weeklyMinutes: users.weeklyMinutes,
      strategicReserveMinutes: users.strategicReserveMinutes,
    })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['marketer', 'lead'])))
    .orderBy(users.name, users.id)
    .all();

/** Every company holiday (a short list: a lead keeps at most a few hundred). */
export const allHolidays = (db: Queryable): Set<string> =>
  new Set(
    db
      .select({ date: holidays.date })
      .from(holidays)
      .all()
      .map((h) => h.date),
  );
