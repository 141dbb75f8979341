import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { defaultChannel, type NotificationChannel, type SettingKind } from '@altitude/shared/notifications';
import type { Role } from '@altitude/shared/domain';
import type { Queryable } from '../../db/client';
import { requests, users } from '../../db/schema';
import { notificationSettings, notifications } from '../../db/schema-notifications';

export interface MailRow {
  id: number;
  userId: number;
  kind: SettingKind;
  requestId: number;
  requestTitle: string;
  requestDepartmentId: number;
  requesterId: number;
  text: string;
  createdAt: string;
}

export interface Person {
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentId: number;
  active: boolean;
  canViewInsights: boolean;
}

/** Notifications waiting for a mail of this sort (`immediate` or `digest`), oldest first, with their request. */
export function unmailedRows(db: Queryable, mail: 'immediate' | 'digest'): MailRow[] {
  return db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      requestId: notifications.requestId,
      requestTitle: requests.title,
      requestDepartmentId: requests.departmentId,
      requesterId: requests.requesterId,
      text: notifications.text,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .innerJoin(requests, eq(requests.id, notifications.requestId))
    .where(and(eq(notifications.mail, mail), isNull(notifications.messageId)))
    .orderBy(asc(notifications.userId), asc(notifications.id))
    .all();
}

const personColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  departmentId: users.departmentId,
  active: users.active,
  canViewInsights: users.canViewInsights,
};

export const peopleByIds = (db: Queryable, ids: number[]): Map<number, Person> =>
  new Map((ids.length ? db.select(personColumns).from(users).where(inArray(users.id, ids)).all() : []).map((p) => [p.id, p]));

/** Enabled leads and people granted Insights: who may get the weekly brief. */
export const insightReaders = (db: Queryable): Person[] =>
  db
    .select(personColumns)
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.id))
    .all()
    .filter((p) => p.role === 'lead' || p.canViewInsights);

/** A person's channel for a kind as it stands now (no row: the default). */
export function channelNow(db: Queryable, userId: number, kind: SettingKind): NotificationChannel {
  const row = db
    .select({ channel: notificationSettings.channel })
    .from(notificationSettings)
    .where(and(eq(notificationSettings.userId, userId), eq(notificationSettings.kind, kind)))
    .get();
  return row?.channel ?? defaultChannel(kind);
}

/** Marks rows carried by a message, or (`messageId` null) left out of mail for good: `mail` becomes `none`. */
export function settleRows(db: Queryable, ids: number[], messageId: number | null): void {
  if (!ids.length) return;
  db.update(notifications)
    .set(messageId === null ? { mail: 'none' } : { messageId })
    .where(inArray(notifications.id, ids))
    .run();
}
