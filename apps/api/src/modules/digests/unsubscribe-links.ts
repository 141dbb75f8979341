import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { UnsubscribeKind } from '@altitude/shared/unsubscribe';
import type { Queryable } from '../../db/client';
import { settings } from '../../db/schema';

/**
 * The key unsubscribe links are signed with: random, made the first time a link is signed and
 * kept in the settings table (no migration, and it survives restarts and backups), so a link in
 * an old email keeps working. Never sent to any client.
 */
const secretKey = 'unsubscribeSecret';

const readSecret = (db: Queryable): string | null =>
  db.select({ value: settings.value }).from(settings).where(eq(settings.key, secretKey)).get()?.value ?? null;

function ensureSecret(db: Queryable): string {
  const existing = readSecret(db);
  if (existing) return existing;
  db.insert(settings)
    .values({ key: secretKey, value: crypto.randomBytes(32).toString('base64url') })
    .onConflictDoNothing()
    .run();
  return readSecret(db)!;
}

const sign = (secret: string, userId: number, kind: UnsubscribeKind) =>
  crypto.createHmac('sha256', secret).update(`unsubscribe:${userId}:${kind}`).digest('base64url');

/** The link that stops `kind` by email for this person, absolute (`base`: PUBLIC_URL). */
export function unsubscribeUrl(db: Queryable, base: string, userId: number, kind: UnsubscribeKind): string {
  const sig = sign(ensureSecret(db), userId, kind);
  return `${base}/unsubscribe?u=${userId}&k=${kind}&sig=${sig}`;
}

/** Whether `sig` is the server's signature for this person and kind; never writes (a GET checks it too). */
export function validSignature(db: Queryable, userId: number, kind: UnsubscribeKind, sig: string): boolean {
  const secret = readSecret(db);
  if (!secret) return false;
  const want = Buffer.from(sign(secret, userId, kind));
  const got = Buffer.from(sig);
  return got.length === want.length && crypto.timingSafeEqual(got, want);
}
