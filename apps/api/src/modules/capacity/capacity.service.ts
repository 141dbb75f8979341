import { capacityWeeks, type Capacity, type Commitment } from '@altitude/shared/capacity';
import { addDays, mondayOf } from '@altitude/shared/calendar';
import type { Queryable } from '../../db/client';
import { todayIn } from '../settings/company-clock';
import { allHolidays, assignedCommitments, plannedPeople, type AssignedCommitment } from './committed.queries';

export interface CapacityOptions {
  /** Any day of the first week shown (its Monday is used); the current week when left out. */
  from?: string;
  weeks: number;
  /** Only these people (all active marketers and leads when left out). */
  userIds?: readonly number[];
  /** Leave these requests out of everyone's commitments (the trade-off compares without and with one). */
  excludeRequestIds?: readonly number[];
  /** Add these commitments to their assignee's (what a triage decision would commit). */
  extra?: readonly (Commitment & { assigneeId: number })[];
}

/**
 * Each planned person's weeks: available, reserve and committed minutes (packages/shared
 * capacity.ts spreads the commitments). One query for the people, one for the open assigned
 * requests, one for the holidays; the rest is arithmetic in memory.
 */
export function capacityFor(db: Queryable, now: Date, options: CapacityOptions): Capacity {
  const today = todayIn(db, now);
  const first = mondayOf(options.from ?? today);
  const weeks = Array.from({ length: options.weeks }, (_, i) => addDays(first, 7 * i));
  const holidays = allHolidays(db);
  const wanted = options.userIds ? new Set(options.userIds) : null;
  const people = plannedPeople(db).filter((p) => !wanted || wanted.has(p.userId));
  const excluded = new Set(options.excludeRequestIds ?? []);
  const byPerson = new Map<number, AssignedCommitment[]>();
  const commitments: (Commitment & { assigneeId: number; estimated: boolean })[] = [
    ...assignedCommitments(db, options.userIds).filter((c) => !excluded.has(c.requestId)),
    ...(options.extra ?? []).map((c) => ({ ...c, estimated: true, requestId: 0 })),
  ];
  for (const c of commitments) {
    const list = byPerson.get(c.assigneeId) ?? [];
    list.push(c as AssignedCommitment);
    byPerson.set(c.assigneeId, list);
  }
  return {
    weeks,
    people: people.map((p) => {
      const own = byPerson.get(p.userId) ?? [];
      return {
        userId: p.userId,
        name: p.name,
        unestimatedCount: own.filter((c) => !c.estimated).length,
        weeks: capacityWeeks({ ...p, holidays }, own, weeks, today),
      };
    }),
  };
}
