import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import {
  defaultChannel,
  settingKinds,
  type NotificationKind,
  type Notification,
  type NotificationChannel,
  type NotificationList,
  type NotificationQuery,
  type NotificationSettings,
  type SettingKind,
} from '@altitude/shared/notifications';
import { requestKey } from '@altitude/shared/requests';
import type { Queryable } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { requestFollowers, users } from '../../db/schema';
import { notifications, notificationSettings } from '../../db/schema-notifications';

const listColumns = {
  id: notifications.id,
  kind: notifications.kind,
  requestId: notifications.requestId,
  actorId: notifications.actorId,
  text: notifications.text,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

type Row = Pick<typeof notifications.$inferSelect, keyof typeof listColumns>;

/** A row as the API answers it: with the request's key, so the bell links without another read. */
export const present = (row: Row): Notification => ({ ...row, requestKey: requestKey(row.requestId) });

/** How many of the person's notifications are unread (the bell's badge). */
export function unreadCount(db: Queryable, userId: number): number {
  return (
    prepareOnce(db, 'notifications.unread', () =>
      db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
        .prepare(),
    ).get({ userId })?.n ?? 0
  );
}

/** One page of the person's own notifications, newest first (the id orders them: it grows with time). */
export function listNotifications(db: Queryable, userId: number, query: NotificationQuery): NotificationList {
  const rows = db
    .select(listColumns)
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        query.unread === 'true' ? isNull(notifications.readAt) : undefined,
        query.cursor === undefined ? undefined : lt(notifications.id, Number(query.cursor)),
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(query.limit + 1)
    .all();
  const items = rows.slice(0, query.limit).map(present);
  return { items, unreadCount: unreadCount(db, userId), nextCursor: rows.length > query.limit ? String(items.at(-1)!.id) : null };
}

/** Marks read the person's own unread notifications among `ids` (all of them when `ids` is null); returns how many changed. */
export function markRead(db: Queryable, userId: number, ids: number[] | null, now: string): number {
  return db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === null ? undefined : inArray(notifications.id, ids)))
    .run().changes;
}

/** Every setting kind with the person's channel, the default where they chose none. */
export function readSettings(db: Queryable, userId: number): NotificationSettings {
  const chosen = new Map(
    db
      .select({ kind: notificationSettings.kind, channel: notificationSettings.channel })
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, userId))
      .all()
      .map((r) => [r.kind, r.channel]),
  );
  return { kinds: Object.fromEntries(settingKinds.map((k) => [k, chosen.get(k) ?? defaultChannel(k)])) as NotificationSettings['kinds'] };
}

export function writeSettings(db: Queryable, userId: number, kinds: Partial<Record<SettingKind, NotificationChannel>>): void {
  for (const [kind, channel] of Object.entries(kinds) as [SettingKind, NotificationChannel][]) {
    db.insert(notificationSettings)
      .values({ userId, kind, channel })
      .onConflictDoUpdate({ target: [notificationSettings.userId, notificationSettings.kind], set: { channel } })
      .run();
  }
}

/** The channels `userIds` chose, keyed `userId:kind` (absent: the default). */
export function channelsOf(db: Queryable, userIds: number[]): Map<string, NotificationChannel> {
  if (userIds.length === 0) return new Map();
  const columns = { userId: notificationSettings.userId, kind: notificationSettings.kind, channel: notificationSettings.channel };
  // One person (a move tells the requester) is the common case: prepared once, not built per call.
  const rows =
    userIds.length === 1
      ? prepareOnce(db, 'notifications.channelsOfOne', () =>
          db
            .select(columns)
            .from(notificationSettings)
            .where(eq(notificationSettings.userId, sql.placeholder('userId')))
            .prepare(),
        ).all({ userId: userIds[0]! })
      : db.select(columns).from(notificationSettings).where(inArray(notificationSettings.userId, userIds)).all();
  return new Map(rows.map((r) => [`${r.userId}:${r.kind}`, r.channel]));
}

/**
 * Of `userIds`, the active people who may see a request of `request.departmentId` filed by
 * `request.requesterId`: marketers and leads see all, requesters their department's and their
 * own (the rule of requests.queries.ts `visibleTo`, asked of the recipient instead of the caller).
 */
export function peopleWhoMaySee(db: Queryable, request: { departmentId: number; requesterId: number }, userIds?: number[]) {
  // One person (a move tells the requester) is the common case: prepared once, not built per call.
  if (userIds?.length === 1)
    return prepareOnce(db, 'notifications.mayOneSee', () =>
      db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(
          and(
            eq(users.active, true),
            eq(users.id, sql.placeholder('userId')),
            sql`(${users.role} <> 'requester' or ${users.departmentId} = ${sql.placeholder('departmentId')} or ${users.id} = ${sql.placeholder('requesterId')})`,
          ),
        )
        .prepare(),
    ).all({ userId: userIds[0]!, departmentId: request.departmentId, requesterId: request.requesterId });
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        userIds === undefined ? undefined : inArray(users.id, userIds.length ? userIds : [-1]),
        sql`(${users.role} <> 'requester' or ${users.departmentId} = ${request.departmentId} or ${users.id} = ${request.requesterId})`,
      ),
    )
    .all();
}

/** One person a change tells, with the channel they chose for its kind (null: none chosen, the default). */
export interface Listener {
  id: number;
  channel: NotificationChannel | null;
}

/**
 * The requester and the followers of a request, as `recordNotifications` would keep them for one
 * kind, in ONE read: without the actor, only active people who may see the request (the rule of
 * `peopleWhoMaySee`), each with their channel for `kind` (`channelsOf`); the requester first, then
 * the followers by id (the order the drafts would have had). Every move to another column asks
 * this, and as separate reads (followers, the request, who may see it, their settings) it was a
 * good part of a move's cost (bench/README.md).
 */
export function requesterAndFollowers(
  db: Queryable,
  request: { id: number; departmentId: number; requesterId: number },
  actorId: number,
  kind: NotificationKind,
): Listener[] {
  return prepareOnce(db, 'notifications.requesterAndFollowers', () => {
    const requesterId = sql.placeholder('requesterId');
    return db
      .select({ id: users.id, channel: notificationSettings.channel })
      .from(users)
      .leftJoin(
        notificationSettings,
        and(eq(notificationSettings.userId, users.id), eq(notificationSettings.kind, sql.placeholder('kind'))),
      )
      .where(
        and(
          sql`(${users.id} = ${requesterId} or ${users.id} in (select ${requestFollowers.userId} from ${requestFollowers} where ${requestFollowers.requestId} = ${sql.placeholder('requestId')}))`,
          sql`${users.id} <> ${sql.placeholder('actorId')}`,
          eq(users.active, true),
          sql`(${users.role} <> 'requester' or ${users.departmentId} = ${sql.placeholder('departmentId')} or ${users.id} = ${requesterId})`,
        ),
      )
      .orderBy(sql`${users.id} <> ${requesterId}`, users.id)
      .prepare();
  }).all({ requestId: request.id, requesterId: request.requesterId, departmentId: request.departmentId, actorId, kind });
}
