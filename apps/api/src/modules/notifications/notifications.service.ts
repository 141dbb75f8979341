import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import {
  defaultChannel,
  immediateKinds,
  type MarkReadBody,
  type MarkReadResult,
  type Notification,
  type NotificationChannel,
  type NotificationKind,
  type NotificationList,
  type NotificationQuery,
  type NotificationSettings,
  type NotificationSettingsBody,
} from '@altitude/shared/notifications';
import type { Db, Queryable } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { requests } from '../../db/schema';
import { notifications } from '../../db/schema-notifications';
import type { EventBus } from '../../plugins/sse';
import { writeAs } from '../auth/actor';
import {
  channelsOf,
  listNotifications,
  markRead,
  peopleWhoMaySee,
  present,
  readSettings,
  unreadCount,
  writeSettings,
  type Listener,
} from './notifications.queries';

/** What a change wants to tell one person; `recordNotifications` decides whether they hear it. */
export interface NotificationDraft {
  userId: number;
  kind: NotificationKind;
  requestId: number;
  /** Who caused it; null for the clock (due soon, overdue). */
  actorId: number | null;
  text: string;
  /** Once-only kinds: the occasion (the due date), unique per person, kind and request. */
  occasion?: string;
}

/** A notification written in a transaction, to be announced to its owner once that commits. */
export interface Recorded {
  userId: number;
  notification: Notification;
}

/** When one event would tell a person several things, the most personal wins. */
const rank = (kind: NotificationKind) => (kind === 'mentioned' ? 0 : kind === 'assigned' ? 1 : 2);

/**
 * Writes the notifications one event causes, inside the caller's write transaction (synchronous,
 * so they commit or roll back with the change). Drops the actor's own, anyone who may not see
 * the request (or is deactivated), and anyone whose setting for the kind is `off`; keeps one per
 * person and request (mentioned > assigned > the rest, else the first drafted); marks each for
 * mail as the person's setting says. A once-only occasion already recorded is skipped silently.
 * Announce what it returns with `announceNotifications` after the transaction.
 */
export function recordNotifications(tx: Queryable, now: string, drafts: NotificationDraft[]): Recorded[] {
  const best = new Map<string, NotificationDraft>();
  for (const d of drafts) {
    if (d.userId === d.actorId) continue;
    const key = `${d.userId}:${d.requestId}`;
    const held = best.get(key);
    if (!held || rank(d.kind) < rank(held.kind)) best.set(key, d);
  }
  if (best.size === 0) return [];
  const recorded: Recorded[] = [];
  for (const [requestId, group] of groupBy([...best.values()], (d) => d.requestId)) {
    const request = prepareOnce(tx, 'notifications.requestAudience', () =>
      tx
        .select({ departmentId: requests.departmentId, requesterId: requests.requesterId })
        .from(requests)
        .where(eq(requests.id, sql.placeholder('id')))
        .prepare(),
    ).get({ id: requestId });
    if (!request) continue;
    const allowed = new Set(
      peopleWhoMaySee(
        tx,
        request,
        group.map((d) => d.userId),
      ).map((p) => p.id),
    );
    const channels = channelsOf(tx, [...allowed]);
    for (const d of group) {
      if (!allowed.has(d.userId)) continue;
      const done = insertDraft(tx, now, d, channels.get(`${d.userId}:${d.kind}`) ?? null);
      if (done) recorded.push(done);
    }
  }
  return recorded;
}

/**
 * `recordNotifications` for one notice to people already sorted out by `requesterAndFollowers`
 * (the actor dropped, only who may see the request, each with their channel): the same rows,
 * without reading the request, the people and their settings again one by one.
 */
export function recordForListeners(
  tx: Queryable,
  now: string,
  listeners: Listener[],
  notice: Omit<NotificationDraft, 'userId' | 'occasion'>,
): Recorded[] {
  const recorded: Recorded[] = [];
  for (const { id, channel } of listeners) {
    const done = insertDraft(tx, now, { ...notice, userId: id }, channel);
    if (done) recorded.push(done);
  }
  return recorded;
}

/** Writes one kept draft as the person's channel for its kind says (null: the default); nothing when off or a repeated occasion. */
function insertDraft(tx: Queryable, now: string, d: NotificationDraft, chosen: NotificationChannel | null): Recorded | null {
  const channel = chosen ?? defaultChannel(d.kind);
  if (channel === 'off') return null;
  const mail = channel === 'in_app' ? 'none' : immediateKinds.includes(d.kind) ? 'immediate' : 'digest';
  const { userId, kind, requestId, actorId, text } = d;
  const row = insertNotification(tx).get({
    userId,
    kind,
    requestId,
    actorId,
    text,
    occasion: d.occasion ?? null,
    mail,
    createdAt: now,
  });
  return row ? { userId, notification: present(row) } : null;
}

/** The one INSERT every notification goes through, prepared once: a move or a comment writes one per person. */
function insertNotification(tx: Queryable) {
  return prepareOnce(tx, 'notifications.insert', () => {
    const p = (name: string) => sql.placeholder(name);
    return tx
      .insert(notifications)
      .values({
        userId: p('userId'),
        kind: p('kind'),
        requestId: p('requestId'),
        actorId: p('actorId'),
        text: p('text'),
        occasion: p('occasion'),
        mail: p('mail'),
        createdAt: p('createdAt'),
      })
      .onConflictDoNothing()
      .returning()
      .prepare();
  });
}

/**
 * After the commit: each recipient's own streams hear of their new notification and their unread
 * count. Only people with a stream open are counted: the count walks all of a person's unread
 * notifications, and most recipients of a move (a requester, followers) are not looking; they
 * read the count when they next open the app.
 */
export function announceNotifications(db: Queryable, events: EventBus, recorded: Recorded[]): void {
  for (const { userId, notification } of recorded) {
    if (events.count(userId) === 0) continue;
    events.publish({ type: 'notifications.changed', unreadCount: unreadCount(db, userId), notification }, { onlyUserId: userId });
  }
}

export interface NotificationDeps {
  db: Db;
  events: EventBus;
  now: () => Date;
}

export const myNotifications = (db: Db, user: SessionUser, query: NotificationQuery): NotificationList =>
  listNotifications(db, user.id, query);

/** Marks the caller's own notifications read (others' ids change nothing); their other tabs hear the new count. */
export function markMineRead(deps: NotificationDeps, actor: SessionUser, body: MarkReadBody): MarkReadResult {
  const now = deps.now().toISOString();
  const { changed, count } = writeAs(deps.db, actor, 'signedIn', (tx, user) => {
    const changed = markRead(tx, user.id, body.all ? null : (body.ids ?? []), now);
    return { changed, count: unreadCount(tx, user.id) };
  });
  if (changed > 0) deps.events.publish({ type: 'notifications.changed', unreadCount: count }, { onlyUserId: actor.id });
  return { unreadCount: count };
}

export const mySettings = (db: Db, user: SessionUser): NotificationSettings => readSettings(db, user.id);

/** Sets the kinds given; the others keep their channel. Answers the whole map. */
export function updateMySettings(deps: NotificationDeps, actor: SessionUser, body: NotificationSettingsBody): NotificationSettings {
  return writeAs(deps.db, actor, 'signedIn', (tx, user) => {
    writeSettings(tx, user.id, body.kinds);
    return readSettings(tx, user.id);
  });
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
