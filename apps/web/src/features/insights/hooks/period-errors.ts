import { dayNumber } from '@altitude/shared/calendar';
import { DateInput } from '@altitude/shared/domain';
import { maxPeriodDays } from '@altitude/shared/insights';
import { formatDate } from '../../../lib/format';

export type PeriodField = 'from' | 'to';
export type PeriodErrors = Partial<Record<PeriodField, string>>;

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

function dateError(value: string): string | undefined {
  // A date input holds "" while a date is half typed or cleared.
  if (value === '') return 'Enter a date';
  const parsed = DateInput.safeParse(value);
  return parsed.success ? undefined : sentence(parsed.error.issues[0]!.message);
}

/**
 * What keeps a period from being asked for, per date field, by the rules the API applies
 * (dates 2000..2099, `from` on or before `to`, at most `maxPeriodDays` days). A rule about both
 * ends is told on the end the person just changed (`edited`), else on `from` as the API does.
 */
export function periodErrors(period: { from: string; to: string }, edited: PeriodField = 'from'): PeriodErrors {
  const errors: PeriodErrors = {};
  const from = dateError(period.from);
  const to = dateError(period.to);
  if (from) errors.from = from;
  if (to) errors.to = to;
  if (from || to) return errors;
  const days = dayNumber(period.to) - dayNumber(period.from) + 1;
  if (days < 1)
    errors[edited] =
      edited === 'from'
        ? `Must be on or before the end date (${formatDate(period.to)})`
        : `Must be on or after the start date (${formatDate(period.from)})`;
  else if (days > maxPeriodDays)
    errors[edited] = `The period can be at most ${maxPeriodDays.toLocaleString('en-US')} days (about five years)`;
  return errors;
}

export const isAskable = (period: { from: string; to: string }) => Object.keys(periodErrors(period)).length === 0;
