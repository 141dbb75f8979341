import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie that carries one sign-in attempt from start to callback. */
export const flowCookie = 'altitude_oidc';
/** A sign-in at the provider must finish within this; the cookie dies with it. */
export const flowMaxAgeSeconds = 10 * 60;

export interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
}

/**
 * Signed with a key drawn at start-up: the cookie lives minutes, so a restart during someone's
 * sign-in only sends them back to try again, and no secret needs configuring.
 */
const key = randomBytes(32);
const mac = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

export function sealFlow(flow: Flow): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
  return `${payload}.${mac(payload)}`;
}

/** The flow in a cookie, or null when it is missing, altered or expired. */
export function openFlow(value: string | undefined, now: Date): Flow | null {
  const [payload, signature, extra] = (value ?? '').split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const flow = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Flow;
    return flow.expiresAt > now.getTime() ? flow : null;
  } catch {
    return null;
  }
}
