import { asc, eq, sql } from 'drizzle-orm';
import type { CreateTimeEntryBody, TimeEntry, TimeEntryList } from '@altitude/shared/activity';
import type { SessionUser } from '@altitude/shared/auth';
import type { Db } from '../../db/client';
import { timeEntries } from '../../db/schema';
import { writeAs } from '../auth/actor';
import { companyTimeZone, todayIn } from '../settings/company-clock';
import { recordActivity } from './activity.queries';
import { assertLoggableDate } from './entry-dates';
import { requireVisibleRequest, type Deps } from './requests.service';

/** A request's time entries by date, with their total. */
export function listTimeEntries(db: Db, user: SessionUser, id: number): TimeEntryList {
  requireVisibleRequest(db, id, user);
  const items = db
    .select()
    .from(timeEntries)
    .where(eq(timeEntries.requestId, id))
    .orderBy(asc(timeEntries.date), asc(timeEntries.id))
    .all();
  return { items, totalMinutes: items.reduce((s, e) => s + e.minutes, 0) };
}

/**
 * A marketer logs minutes on a day from the request's filing to today (or the day it closed), in
 * the company's time zone. The entry, its activity row and (through the triggers) the rollups
 * commit together; listeners then get the request's new total.
 */
export function logTime(deps: Deps, actor: SessionUser, id: number, body: CreateTimeEntryBody): TimeEntry {
  const now = deps.now();
  const { entry, loggedMinutes, audience } = writeAs(deps.db, actor, 'marketer', (tx, user) => {
    const request = requireVisibleRequest(tx, id, user);
    const today = todayIn(tx, now);
    const date = body.date ?? today;
    assertLoggableDate(date, request, today, companyTimeZone(tx));
    const entry = tx
      .insert(timeEntries)
      .values({ requestId: id, userId: user.id, minutes: body.minutes, date, note: body.note?.trim() ?? '', createdAt: now.toISOString() })
      .returning()
      .get();
    recordActivity(tx, id, user.id, now.toISOString(), [{ kind: 'time_logged', field: 'minutes', to: entry.minutes }]);
    const loggedMinutes =
      tx
        .select({ n: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)` })
        .from(timeEntries)
        .where(eq(timeEntries.requestId, id))
        .get()?.n ?? 0;
    return { entry, loggedMinutes, audience: { departmentId: request.departmentId, requesterId: request.requesterId } };
  });
  deps.events.publish({ type: 'request.time_logged', requestId: id, loggedMinutes }, audience);
  return entry;
}
