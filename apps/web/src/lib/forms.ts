import { schemaResolver } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { ApiError } from './api-client';

/** Schema messages read "must be at least 1 day"; under a field they start with a capital. */
const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** A form validator from a shared zod schema, so the browser checks what the server checks. */
export function schemaValidator<T>(schema: z.ZodType, toBody: (values: T) => unknown = (v) => v) {
  const resolve = schemaResolver(schema, { sync: true });
  return (values: T) =>
    Object.fromEntries(
      Object.entries(resolve(toBody(values) as never)).map(([path, message]) => [
        path,
        typeof message === 'string' ? sentence(message) : message,
      ]),
    );
}

interface FieldErrorTarget {
  setFieldError: (path: string, message: string) => void;
}

/**
 * Puts the server's problem+json `errors[]` on the form fields it names; anything it cannot
 * place (another field, a network error, a 403) is shown as a notification instead.
 */
export function showServerErrors(error: unknown, form?: FieldErrorTarget, fields: readonly string[] = []) {
  const placed = error instanceof ApiError && form ? (error.problem.errors ?? []).filter((e) => fields.includes(e.path)) : [];
  for (const e of placed) form?.setFieldError(e.path, sentence(e.message));
  if (placed.length === 0) {
    notifications.show({
      color: 'red',
      title: 'Not saved',
      message: error instanceof Error ? error.message : 'Something went wrong. Try again.',
    });
  }
}

export const saved = (title: string, message?: string) => notifications.show({ color: 'teal', title, message: message ?? 'Saved.' });
