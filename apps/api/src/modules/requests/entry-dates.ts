import { dateIn } from '@altitude/shared/calendar';
import { unloggableDate } from './requests.errors';

/**
 * The days time can be logged on for a request: from the day it was filed to today, both in the
 * company's time zone. Once a request is closed (delivered, declined, handed back or cancelled)
 * nothing happens on it after the day it closed, so that day is the last; reopening clears
 * `completedAt` and with it the limit.
 */
export function loggableDays(
  request: { createdAt: string; completedAt: string | null },
  today: string,
  timeZone: string,
): { first: string; last: string; closed: boolean } {
  const first = dateIn(new Date(request.createdAt), timeZone);
  const closedOn = request.completedAt === null ? null : dateIn(new Date(request.completedAt), timeZone);
  const closed = closedOn !== null && closedOn < today;
  return { first, last: closed ? closedOn : today, closed };
}

/** A 422 naming `date` when time cannot be logged on it; the code says which end it crossed. */
export function assertLoggableDate(
  date: string,
  request: { createdAt: string; completedAt: string | null },
  today: string,
  timeZone: string,
): void {
  const { first, last, closed } = loggableDays(request, today, timeZone);
  // Plain string comparison is exact here: `date` passed DateInput (2000–2099) and the others are
  // four-digit YYYY-MM-DD dates read from stored timestamps.
  if (date >= first && date <= last) return;
  const message = `must be between ${first} (filed) and ${last} (${closed ? 'closed' : 'today'})`;
  throw unloggableDate(date < first ? 'before_filed' : closed && date <= today ? 'after_closed' : 'future_date', message);
}
