import { entryEditableUntil, mayCorrectTimeEntry, type TimeEntry, type UpdateTimeEntryBody } from '@altitude/shared/activity';
import type { SessionUser } from '@altitude/shared/auth';
import { formatDuration } from '@altitude/shared/duration';
import type { Request } from '@altitude/shared/requests';
import type { Tx } from '../../db/client';
import { writeAs } from '../auth/actor';
import { companyTimeZone, todayIn } from '../settings/company-clock';
import { recordActivity, type Change } from './activity.queries';
import { assertLoggableDate } from './entry-dates';
import { findVisibleRequest } from './requests.queries';
import type { Deps } from './requests.service';
import { entryVersionConflict, gracePassed, notEntryAuthor, timeEntryNotFound } from './time-entries.errors';
import { deleteTimeEntry, findTimeEntry, loggedMinutesOf, updateTimeEntry } from './time-entries.queries';

/** How an entry reads in the activity history: "1h 15m on 2026-11-20". */
const describeEntry = (e: Pick<TimeEntry, 'minutes' | 'date'>) => `${formatDuration(e.minutes)} on ${e.date}`;

interface Locked {
  current: TimeEntry;
  request: Request;
  today: string;
  timeZone: string;
}

/**
 * The entry and its request inside the write transaction, once `user` (as they are now) may
 * correct it: 404 when it is missing or on a request they may not see, 403 when they are neither
 * its author within the grace period nor a lead.
 */
function lockEntry(tx: Tx, id: number, user: SessionUser, now: Date): Locked {
  const current = findTimeEntry(tx, id);
  const request = current && findVisibleRequest(tx, current.requestId, user);
  if (!current || !request) throw timeEntryNotFound();
  const today = todayIn(tx, now);
  const timeZone = companyTimeZone(tx);
  if (!mayCorrectTimeEntry(user, current, today, timeZone)) {
    throw current.userId === user.id ? gracePassed(entryEditableUntil(current, timeZone)) : notEntryAuthor();
  }
  return { current, request, today, timeZone };
}

/** Tells the request's audience its new total, as logging time does: the drawer, the board and Insights refresh. */
function publishTotal(deps: Deps, request: Request, loggedMinutes: number) {
  deps.events.publish(
    { type: 'request.time_logged', requestId: request.id, loggedMinutes },
    { departmentId: request.departmentId, requesterId: request.requesterId },
  );
}

/**
 * Corrects an entry's minutes, date or note. The version must be the one the editor read (409
 * with the current entry otherwise); a new date must be one time can be logged on for the request
 * (a date left as it was is kept even on a request closed since). Sending the values the entry
 * already has changes nothing: no new version, no activity.
 */
export function correctTimeEntry(deps: Deps, actor: SessionUser, id: number, body: UpdateTimeEntryBody): TimeEntry {
  const now = deps.now();
  const result = writeAs(deps.db, actor, 'marketer', (tx, user) => {
    const { current, request, today, timeZone } = lockEntry(tx, id, user, now);
    if (body.version !== current.version) throw entryVersionConflict(current);
    const next = { minutes: body.minutes ?? current.minutes, date: body.date ?? current.date, note: body.note ?? current.note };
    if (next.date !== current.date) assertLoggableDate(next.date, request, today, timeZone);
    const changes: Change[] = [];
    if (next.minutes !== current.minutes || next.date !== current.date)
      changes.push({ kind: 'time_edited', field: 'time', from: describeEntry(current), to: describeEntry(next) });
    if (next.note !== current.note) changes.push({ kind: 'time_edited', field: 'note', from: current.note || null, to: next.note || null });
    if (changes.length === 0) return { entry: current, request, loggedMinutes: null };
    const entry = updateTimeEntry(tx, id, { ...next, version: current.version + 1 });
    recordActivity(tx, request.id, user.id, now.toISOString(), changes);
    return { entry, request, loggedMinutes: loggedMinutesOf(tx, request.id) };
  });
  if (result.loggedMinutes !== null) publishTotal(deps, result.request, result.loggedMinutes);
  return result.entry;
}

/** Deletes an entry (same rights as correcting it); the history keeps what it was. */
export function deleteTimeEntryAs(deps: Deps, actor: SessionUser, id: number): void {
  const now = deps.now();
  const { request, loggedMinutes } = writeAs(deps.db, actor, 'marketer', (tx, user) => {
    const { current, request } = lockEntry(tx, id, user, now);
    deleteTimeEntry(tx, id);
    recordActivity(tx, request.id, user.id, now.toISOString(), [
      { kind: 'time_deleted', field: 'time', from: describeEntry(current), to: null },
    ]);
    return { request, loggedMinutes: loggedMinutesOf(tx, request.id) };
  });
  publishTotal(deps, request, loggedMinutes);
}
