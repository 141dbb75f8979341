import { dateIn } from '@altitude/shared/calendar';
import type { Queryable } from '../../db/client';
import { maySeeRequest } from '../requests/requests.queries';
import { companyTimeZone } from '../settings/company-clock';
import { recordSlot, slotRan, type JobContext } from './job-context';
import { channelNow, peopleByIds, settleRows, unmailedRows, type MailRow, type Person } from './mail-rows.queries';
import { batchMail, digestMail, type MailItem } from './notification-mail';
import { latestDailySlot } from './schedule-slots';
import { unsubscribeUrl } from './unsubscribe-links';

const byPerson = (rows: MailRow[]) => {
  const groups = new Map<number, MailRow[]>();
  // Pushed in place: copying a person's list at each row was quadratic, and mail held back for a
  // while (an SMTP outage) leaves thousands of rows for one person to this job on the main thread.
  for (const row of rows) {
    const group = groups.get(row.userId);
    if (group) group.push(row);
    else groups.set(row.userId, [row]);
  }
  return groups;
};

/**
 * Re-checked when the mail is composed, not when the row was written: a disabled account gets
 * nothing; a request the person may no longer see (a requester moved to another department) and
 * a kind they have since stopped by email are left out. Rows left out are settled (`mail` none),
 * so they are not looked at again; they stay in the bell.
 */
function sendable(tx: Queryable, person: Person | undefined, rows: MailRow[]): MailRow[] {
  if (!person?.active) return [];
  const channels = new Map<string, boolean>();
  const wanted = (kind: MailRow['kind']) => {
    if (!channels.has(kind)) channels.set(kind, channelNow(tx, person.id, kind) === 'email');
    return channels.get(kind)!;
  };
  return rows.filter((r) => wanted(r.kind) && maySeeRequest(person, { departmentId: r.requestDepartmentId, requesterId: r.requesterId }));
}

const itemsOf = (rows: MailRow[]): MailItem[] => rows.map((r) => ({ requestId: r.requestId, requestTitle: r.requestTitle, text: r.text }));

function mailPeople(
  tx: Queryable,
  ctx: JobContext,
  groups: Map<number, MailRow[]>,
  compose: (p: Person, items: MailItem[], unsubscribe: string) => ReturnType<typeof batchMail>,
  kind: 'notification' | 'digest',
) {
  const people = peopleByIds(tx, [...groups.keys()]);
  let written = 0;
  for (const [userId, rows] of groups) {
    const person = people.get(userId);
    const keep = sendable(tx, person, rows);
    const kept = new Set(keep.map((r) => r.id));
    settleRows(
      tx,
      rows.filter((r) => !kept.has(r.id)).map((r) => r.id),
      null,
    );
    if (!person || !keep.length) continue;
    const messageId = ctx.enqueue(tx, compose(person, itemsOf(keep), unsubscribeUrl(tx, ctx.baseUrl, person.id, kind)));
    settleRows(tx, [...kept], messageId);
    written++;
  }
  return written;
}

/**
 * Every minute: one message per person whose oldest unmailed immediate notification has waited
 * `batchMinutes`, carrying all of their unmailed immediate notifications (so a burst of
 * mentions is one email). Returns how many messages it wrote.
 */
export function runNotificationBatches(ctx: JobContext): number {
  const cutoff = new Date(ctx.now.getTime() - ctx.batchMinutes * 60_000).toISOString();
  return ctx.db.transaction((tx) => {
    const groups = byPerson(unmailedRows(tx, 'immediate'));
    for (const [userId, rows] of groups) if (rows.every((r) => r.createdAt > cutoff)) groups.delete(userId);
    return mailPeople(tx, ctx, groups, (p, items, u) => batchMail(p, items, ctx.baseUrl, u), 'notification');
  });
}

/**
 * Once a day at 08:00 company time: the digest of every unmailed digest notification, per person.
 * Only the latest slot is ever looked at, so after days down the next start sends one digest,
 * not one per missed day. Returns how many messages it wrote, or null when the slot had run.
 */
export function runDailyDigest(ctx: JobContext): number | null {
  const timeZone = companyTimeZone(ctx.db);
  // The slot is named by its company date, so changing the time zone cannot make it a new slot.
  const slot = dateIn(latestDailySlot(ctx.now, timeZone), timeZone);
  return ctx.db.transaction((tx) => {
    if (slotRan(tx, 'daily_digest', slot)) return null;
    const written = mailPeople(
      tx,
      ctx,
      byPerson(unmailedRows(tx, 'digest')),
      (p, items, u) => digestMail(p, items, ctx.baseUrl, u, slot),
      'digest',
    );
    recordSlot(tx, 'daily_digest', slot, ctx.now);
    return written;
  });
}
