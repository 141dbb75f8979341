import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Commitment } from '@altitude/shared/capacity';
import type { ReportClass } from '@altitude/shared/domain';
import type { Queryable } from '../../db/client';
import { committedWhereSql, holidays, requests, requestTime, users } from '../../db/schema';
import { reportClass } from '../insights/report-class';

export interface AssignedCommitment extends Commitment {
  requestId: number;
  assigneeId: number;
  /** False when the request has no estimate: committed, counted as nothing. */
  estimated: boolean;
}

/**
 * Every assigned open request with work left, with what remains of its estimate (estimate minus
 * the minutes logged on it, kept per request in `request_time` by triggers) and the date it is
 * worked towards: the marketer's planned-for date, else the requester's needed-by, else the
 * type's expected-by; and every one without an estimate (committed, counted as nothing). One whose
 * logged time has reached its estimate commits nothing and is left out. `assigneeIds` narrows it
 * to some people.
 *
 * Read from `requests_committed_idx` alone (a partial index of exactly these rows and columns;
 * SQLite's planner would walk the status index and read each row): 5,000 open requests cost a
 * few milliseconds. The WHERE repeats the index's own condition so the index applies.
 */
export function assignedCommitments(db: Queryable, assigneeIds?: readonly number[]): AssignedCommitment[] {
  const logged = sql`coalesce((select "rt"."minutes" from ${requestTime} "rt" where "rt"."request_id" = "requests"."id"), 0)`;
  const rows = db.all<{
    requestId: number;
    assigneeId: number;
    estimate: number | null;
    logged: number;
    reportClass: ReportClass;
    until: string | null;
  }>(sql`
    select "requests"."id" as "requestId", "requests"."assignee_id" as "assigneeId", "requests"."estimate_minutes" as "estimate",
      ${logged} as "logged", ${reportClass} as "reportClass",
      coalesce("requests"."planned_for", "requests"."due_date", "requests"."expected_by") as "until"
    from ${requests} indexed by requests_committed_idx
    where ${sql.raw(committedWhereSql)}
      and ("requests"."estimate_minutes" is null or "requests"."estimate_minutes" > ${logged})
      ${
        assigneeIds
          ? sql`and "requests"."assignee_id" in ${
              assigneeIds.length
                ? sql`(${sql.join(
                    assigneeIds.map((id) => sql`${id}`),
                    sql`, `,
                  )})`
                : sql`(null)`
            }`
          : sql``
      }`);
  return rows.map((r) => ({
    requestId: r.requestId,
    assigneeId: r.assigneeId,
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
