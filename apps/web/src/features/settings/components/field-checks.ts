import { PutTargetBody, PutWipLimitBody } from '@altitude/shared/settings';

/** A NumberInput's value: a number, or the text it holds when empty or half-typed ("", "-"). */
export type NumberFieldValue = number | string;

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** The WIP limit a field asks for: null when it is empty (no limit), NaN when it holds no number. */
export const wipLimitOf = (value: NumberFieldValue): number | null => (value === '' ? null : Number(value));

/**
 * What is wrong with a WIP limit field, checked by the same schema the server applies, so 0
 * is refused here before saving rather than clamped to 1 and stored.
 */
export function wipLimitError(value: NumberFieldValue): string | null {
  const parsed = PutWipLimitBody.safeParse({ wipLimit: wipLimitOf(value) });
  if (parsed.success) return null;
  const message = parsed.error.issues[0]!.message;
  // The API says "null"; a person leaves the field empty.
  return sentence(message.replace(' (null)', '').replace('or null for', 'or empty for'));
}

/**
 * What is wrong with a target typed in percent (40 means 40 %): the server takes a share of 0..1,
 * and the person reads percent, so the message speaks percent. Empty is not an error: there is
 * nothing to save yet.
 */
export function targetPercentError(value: NumberFieldValue): string | null {
  if (value === '') return null;
  const percent = Number(value);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return 'Must be between 0 and 100 %';
  return PutTargetBody.safeParse({ strategicShare: percent / 100 }).success ? null : 'Must be between 0 and 100 %';
}
