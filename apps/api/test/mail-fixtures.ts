import { and, asc, eq } from 'drizzle-orm';
import type { NotificationKind } from '@altitude/shared/notifications';
import type { Db } from '../src/db/client';
import { departments, messages, requests, users } from '../src/db/schema';
import { notifications } from '../src/db/schema-notifications';

/**
 * Notification rows written straight into the table, as the notification code of another
 * module will write them: these tests are about turning rows into email, not about producing them.
 */
export function addNotification(
  db: Db,
  row: { userId: number; kind: NotificationKind; requestId: number; text: string; mail: 'immediate' | 'digest' | 'none'; at: Date },
): number {
  return db
    .insert(notifications)
    .values({
      userId: row.userId,
      kind: row.kind,
      requestId: row.requestId,
      text: row.text,
      mail: row.mail,
      createdAt: row.at.toISOString(),
    })
    .returning({ id: notifications.id })
    .get().id;
}

export const userIdOf = (db: Db, email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

/** The first request of a department (by name), for rows about a request someone may or may not see. */
export function requestOf(db: Db, department: string): { id: number; title: string } {
  return db
    .select({ id: requests.id, title: requests.title })
    .from(requests)
    .innerJoin(departments, eq(departments.id, requests.departmentId))
    .where(eq(departments.name, department))
    .orderBy(asc(requests.id))
    .get()!;
}

export const messagesOfKind = (db: Db, kind: 'notification' | 'digest' | 'weekly_brief') =>
  db.select().from(messages).where(eq(messages.kind, kind)).orderBy(asc(messages.id)).all();

export const notificationRow = (db: Db, id: number) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id)))
    .get()!;

/** The links of a plain-text body. */
export const linksIn = (text: string) => [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
