import { and, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import { openStatuses } from '@altitude/shared/domain';
import type { Db } from '../../db/client';
import { requests } from '../../db/schema';
import { businessCalendar } from '../service-levels/business-calendar';
import { todayIn } from '../settings/company-clock';
import { named } from './notifications.triggers';
import { recordNotifications, type NotificationDraft, type Recorded } from './notifications.service';

/**
 * How far back an overdue date still earns a notice. Without it, the first sweep after an upgrade
 * (or on a large backlog) would fill every assignee's bell with months-old overdue work at once.
 */
export const overdueLookbackDays = 14;

const minusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Tells assignees about open requests whose needed-by date (`dueDate`) is near or past, in the
 * company's time zone:
 * - `due_soon`: due today or by the next business day (Friday: today and Monday);
 * - `overdue`: the date has passed (within the last `overdueLookbackDays`) and the request is
 *   still open.
 * Each once per request and due date (the date is the occasion: moving the date earns a new
 * notice; the same date never a second). Returns what it wrote, to announce after the commit.
 */
export function sweepDueNotifications(db: Db, now: Date): Recorded[] {
  const today = todayIn(db, now);
  const soonUntil = businessCalendar(db).addBusinessDays(today, 1);
  return db.transaction((tx) => {
    const rows = tx
      .select({
        id: requests.id,
        title: requests.title,
        dueDate: requests.dueDate,
        assigneeId: requests.assigneeId,
      })
      .from(requests)
      .where(
        and(
          inArray(requests.status, [...openStatuses]),
          isNotNull(requests.assigneeId),
          gte(requests.dueDate, minusDays(today, overdueLookbackDays)),
          lte(requests.dueDate, soonUntil),
        ),
      )
      .all();
    const drafts: NotificationDraft[] = rows.map((r) => {
      const overdue = r.dueDate! < today;
      return {
        userId: r.assigneeId!,
        kind: overdue ? 'overdue' : 'due_soon',
        requestId: r.id,
        actorId: null,
        occasion: r.dueDate!,
        text: overdue
          ? `${named(r)} is overdue: it was needed by ${r.dueDate}`
          : `${named(r)} is due ${r.dueDate === today ? 'today' : `on ${r.dueDate}`}`,
      };
    });
    return recordNotifications(tx, now.toISOString(), drafts);
  });
}
