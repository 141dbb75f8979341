import { eq } from 'drizzle-orm';
import { UnsubscribeKind } from '@altitude/shared/unsubscribe';
import type { MessageKind } from '@altitude/shared/outbox';
import type { Queryable } from '../../db/client';
import { users } from '../../db/schema';
import { unsubscribeUrl } from './unsubscribe-links';

/** Where links in scheduled mail point when PUBLIC_URL is not set (no request to take an origin from). */
export const mailBaseUrl = (publicUrl: string | null) => publicUrl ?? 'http://localhost:3000';

/**
 * RFC 2369 / RFC 8058 headers for notification, digest and brief mail: mail clients show an
 * "Unsubscribe" button that POSTs to the same signed link. Computed when the message is sent
 * (the outbox stores no headers), for the account the message is addressed to.
 */
export function unsubscribeHeaders(
  db: Queryable,
  base: string,
  message: { to: string; kind: MessageKind },
): Record<string, string> | undefined {
  const kind = UnsubscribeKind.safeParse(message.kind);
  if (!kind.success) return undefined;
  const user = db.select({ id: users.id }).from(users).where(eq(users.email, message.to)).get();
  if (!user) return undefined;
  return { 'List-Unsubscribe': `<${unsubscribeUrl(db, base, user.id, kind.data)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
