import { z } from 'zod';
import { Role } from './domain';

export const LoginBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: 'must be an email address' })),
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
});
export type SessionUser = z.infer<typeof SessionUser>;

export const MeResponse = z.object({ user: SessionUser });
export type MeResponse = z.infer<typeof MeResponse>;
