import { eq } from 'drizzle-orm';
import { settingKindsOf, UnsubscribeQuery, type UnsubscribeKind } from '@altitude/shared/unsubscribe';
import type { Db, Queryable } from '../../db/client';
import { users } from '../../db/schema';
import { notificationSettings } from '../../db/schema-notifications';
import { channelNow } from './mail-rows.queries';
import { validSignature } from './unsubscribe-links';

export interface UnsubscribeTarget {
  userId: number;
  email: string;
  kind: UnsubscribeKind;
}

/** The person and kind a link names, when its signature is the server's and the account exists; null otherwise. */
export function checkLink(db: Queryable, query: unknown): UnsubscribeTarget | null {
  const parsed = UnsubscribeQuery.safeParse(query);
  if (!parsed.success) return null;
  const { u, k, sig } = parsed.data;
  if (!validSignature(db, u, k, sig)) return null;
  const user = db.select({ email: users.email }).from(users).where(eq(users.id, u)).get();
  return user ? { userId: u, email: user.email, kind: k } : null;
}

/**
 * Turns every setting the kind covers from `email` to `in_app` (the bell keeps them); a kind
 * already `off` stays off. Idempotent: a second click changes nothing.
 */
export function unsubscribe(db: Db, target: UnsubscribeTarget): void {
  db.transaction((tx) => {
    for (const kind of settingKindsOf(target.kind)) {
      if (channelNow(tx, target.userId, kind) !== 'email') continue;
      tx.insert(notificationSettings)
        .values({ userId: target.userId, kind, channel: 'in_app' })
        .onConflictDoUpdate({ target: [notificationSettings.userId, notificationSettings.kind], set: { channel: 'in_app' } })
        .run();
    }
  });
}
