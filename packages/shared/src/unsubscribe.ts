import { z } from 'zod';
import { immediateKinds, notificationKinds, type SettingKind } from './notifications';

/**
 * What an unsubscribe link stops: the kind of message it came in. One link per person and kind,
 * so a person who is tired of the digest keeps their mentions (and the other way round).
 */
export const unsubscribeKinds = ['notification', 'digest', 'weekly_brief'] as const;
export const UnsubscribeKind = z.enum(unsubscribeKinds);
export type UnsubscribeKind = z.infer<typeof UnsubscribeKind>;

/** The notification settings an unsubscribe turns from `email` to `in_app` (one owner for the mapping). */
export function settingKindsOf(kind: UnsubscribeKind): SettingKind[] {
  if (kind === 'weekly_brief') return ['weekly_brief'];
  const immediate = new Set<SettingKind>(immediateKinds);
  return notificationKinds.filter((k) => immediate.has(k) === (kind === 'notification'));
}

/** What the confirmation page says a person will no longer get by email. */
export const unsubscribeLabels: Record<UnsubscribeKind, string> = {
  notification: 'assignments, mentions and questions',
  digest: 'the daily digest',
  weekly_brief: 'the weekly CMO brief',
};

/** `?u=&k=&sig=` of GET and POST /unsubscribe: the person, the kind, the server's signature of both. */
export const UnsubscribeQuery = z.strictObject({
  u: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'must be a user id' })
    .transform(Number),
  k: UnsubscribeKind,
  sig: z.string().regex(/^[\w-]{43}$/, { error: 'must be a signature' }),
});
export type UnsubscribeQuery = z.infer<typeof UnsubscribeQuery>;
