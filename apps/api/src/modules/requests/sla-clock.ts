import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import { expectedByFor, isRush } from '@altitude/shared/business-time';
import { endPause } from '@altitude/shared/service-levels';
import type { Tx } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { requests } from '../../db/schema';
import { businessCalendar } from '../service-levels/business-calendar';

/**
 * The SLA clock's bookkeeping on the writes of the requests module. The clock's raw columns
 * (`pausedMinutes`, `pausedSince`) never leave the API, so they are read here, not from the
 * presented request.
 */

/** Clock columns a status change rewrites. */
export interface ClockPatch {
  pausedMinutes: number;
  pausedSince: string | null;
  waitingOn: 'requester' | null;
}

function clockOf(tx: Tx, id: number): { pausedMinutes: number; pausedSince: string | null; waitingOn: 'requester' | null } {
  return prepareOnce(tx, 'request.clock', () =>
    tx
      .select({ pausedMinutes: requests.pausedMinutes, pausedSince: requests.pausedSince, waitingOn: requests.waitingOn })
      .from(requests)
      .where(eq(requests.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id })!;
}

/**
 * The clock after a status change at `now`, from `before` (its status being closed when
 * `completedAt` is set) to open or closed. Closing ends a running pause there (the question
 * stays unanswered; the request no longer waits on anyone), so the state is judged at
 * `completedAt` on business time alone. Leaving a closed status (a reopen, or done → declined)
 * adds the time it spent closed to the paused minutes: that time was nobody's to use.
 */
export function clockOnStatusChange(tx: Tx, id: number, before: { completedAt: string | null }, closing: boolean, now: string): ClockPatch {
  const clock = clockOf(tx, id);
  const calendar = businessCalendar(tx);
  let pausedMinutes = clock.pausedMinutes;
  if (before.completedAt !== null) pausedMinutes += calendar.minutesBetween(before.completedAt, now);
  if (closing) return { ...endPause({ pausedMinutes, pausedSince: clock.pausedSince }, now, calendar), waitingOn: null };
  return { pausedMinutes, pausedSince: clock.pausedSince, waitingOn: clock.waitingOn };
}

/**
 * The first action by marketing (a comment, a move, an assignment, a classification) on a
 * request someone else filed starts nothing but stops the first-response clock: it is set once.
 */
export function noteFirstResponse(tx: Tx, id: number, user: SessionUser, now: string): void {
  if (user.role === 'requester') return;
  prepareOnce(tx, 'request.firstResponse', () =>
    tx
      .update(requests)
      .set({ firstResponseAt: sql`${sql.placeholder('now')}` })
      .where(
        sql`${requests.id} = ${sql.placeholder('id')} and ${requests.firstResponseAt} is null and ${requests.requesterId} <> ${sql.placeholder('userId')}`,
      )
      .prepare(),
  ).run({ id, now, userId: user.id });
}

/**
 * The promise after an edit: it follows the type (a new type's turnaround counts from the
 * original filing, `turnaroundDays` given only when the type changes), and a new needed-by
 * date is weighed against it again. Nothing to write for a request without a promise.
 */
export function promiseAfterEdit(
  tx: Tx,
  current: { createdAt: string; expectedBy: string | null; dueDate: string | null },
  turnaroundDays: number | undefined,
  dueDate: string | null | undefined,
): { expectedBy?: string; rush?: boolean } {
  const expectedBy =
    turnaroundDays === undefined ? current.expectedBy : expectedByFor(current.createdAt, turnaroundDays, businessCalendar(tx));
  if (expectedBy === null) return {};
  return { expectedBy, rush: isRush(dueDate === undefined ? current.dueDate : dueDate, expectedBy) };
}
