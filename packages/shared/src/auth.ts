import { z } from 'zod';
import { Role } from './domain';

/** RFC 5321 caps a mail path at 256 octets with its angle brackets: an address is at most 254. */
export const emailMaxLength = 254;

/**
 * An email as every schema takes it (sign-in, invite): trimmed, lowercase, at most 254
 * characters. The length is checked first, so an oversized value is refused before the format
 * check and before the server stores it anywhere (the sign-in throttle keys on it).
 */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(emailMaxLength, { error: `must be at most ${emailMaxLength} characters` })
  .pipe(z.email({ error: 'must be an email address' }));

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1, { error: 'is required' }).max(1024),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** The signed-in user as the API returns it: never the password hash. */
export const SessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: Role,
  departmentId: z.number().int(),
  /** Reads Insights without being a lead (leads always do). */
  canViewInsights: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const MeResponse = z.object({ user: SessionUser });
export type MeResponse = z.infer<typeof MeResponse>;

/** `GET /api/auth/session`: who is signed in, or `null`; a signed-out visitor is an answer, not an error. */
export const SessionResponse = z.object({ user: SessionUser.nullable() });
export type SessionResponse = z.infer<typeof SessionResponse>;

/** `GET /api/auth/config`: what the sign-in page offers (single sign-on, and whether passwords are off). */
export const AuthConfig = z.object({ sso: z.boolean(), ssoOnly: z.boolean() });
export type AuthConfig = z.infer<typeof AuthConfig>;
