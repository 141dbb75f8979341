import { z } from 'zod';
import { Email } from './auth';

/** Same cap as sign-in: the server's password policy judges the rest (length, common passwords). */
const Password = z.string().min(1, { error: 'is required' }).max(1024);

/** `POST /api/auth/password`: the signed-in person changes their own password. */
export const ChangePasswordBody = z.strictObject({ currentPassword: Password, newPassword: Password });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** `POST /api/auth/reset-request`: answered 202 whether or not the account exists. */
export const ResetRequestBody = z.strictObject({ email: Email });
export type ResetRequestBody = z.infer<typeof ResetRequestBody>;

/** `POST /api/auth/reset`: the token from the emailed link and the password to set. */
export const ResetBody = z.strictObject({ token: z.string().min(1, { error: 'is required' }).max(200), newPassword: Password });
export type ResetBody = z.infer<typeof ResetBody>;

/** Minutes a reset link stays valid. */
export const resetTokenMinutes = 30;
