import { isOpenStatus, type Classification, type Priority, type Resolution, type Status } from '@altitude/shared/domain';
import { today } from './today';

export const statusLabel: Record<Status, string> = {
  intake: 'Intake',
  planned: 'Planned',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  declined: 'Declined',
};
export const statusColor: Record<Status, string> = {
  intake: 'gray',
  planned: 'blue',
  in_progress: 'indigo',
  in_review: 'grape',
  done: 'teal',
  declined: 'red',
};
export const resolutionLabel: Record<Resolution, string> = {
  delivered: 'Delivered',
  declined: 'Declined',
  handed_back: 'Handed back',
  cancelled: 'Cancelled',
};
export const classificationLabel: Record<Classification, string> = { strategic: 'Strategic', tactical: 'Tactical' };
export const classificationColor: Record<Classification | 'unclassified', string> = {
  strategic: 'violet',
  tactical: 'orange',
  unclassified: 'gray',
};
export const priorityLabel: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

/** Nouns whose plural is not the singular plus "s". */
const irregular: Record<string, string> = { person: 'people', entry: 'entries', child: 'children' };

/**
 * A count and its noun, agreeing: plural(1, 'card') → "1 card", plural(0, 'card') → "0 cards",
 * plural(2, 'entry') → "2 entries". Only exactly 1 is singular (1.5 days, 0 days).
 */
export function plural(n: number, singular: string, pluralForm = irregular[singular] ?? `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : pluralForm}`;
}

/** 75 → "1h 15m", 30 → "30m", 0 → "0h". */
export function formatMinutes(minutes: number): string {
  if (minutes === 0) return '0h';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ');
}

/**
 * Made on first use: building a formatter loads locale data, and four of them built as this
 * module loaded were a fifth of the app's start-up (about 15 ms of one long task). A screen that
 * formats a date pays for its formatter in its own render.
 */
const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/** en-GB's short month names, as `Intl.DateTimeFormat('en-GB', { month: 'short' })` writes them (CLDR: "Sept"). */
const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/**
 * "2026-12-15" → "15 Dec" (with the year when it is not the viewer's this year). A date
 * (YYYY-MM-DD) is a calendar date and is written as it is, wherever the viewer is; an instant is
 * written as the viewer's own date. Written by hand, not with Intl: a formatter without a zone
 * wrote a date as the day before west of Greenwich ("15 Dec" due read "14 Dec" in New York), and
 * the first formatter the board builds costs some 30 ms of its first render (ICU's locale data).
 */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  let year: number, month: number, day: number;
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  else {
    const instant = new Date(isoDate);
    if (Number.isNaN(instant.getTime())) return '—';
    [year, month, day] = [instant.getFullYear(), instant.getMonth() + 1, instant.getDate()];
  }
  const dayMonth = `${day} ${shortMonths[month - 1] ?? '?'}`;
  return year === new Date().getFullYear() ? dayMonth : `${dayMonth} ${year}`;
}

const weekdayFormat = once(() => new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }));

/** "2026-12-15" → "Tue 15 Dec" (with the year when it is not this year): a date someone plans a week around. */
export function formatWeekdayDate(isoDate: string): string {
  return `${weekdayFormat().format(new Date(`${isoDate}T00:00:00Z`))} ${formatDate(isoDate)}`;
}

const relative = once(() => new Intl.RelativeTimeFormat('en', { numeric: 'auto' }));

/** "3 hours ago", "yesterday", "2 weeks ago". */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return relative().format(Math.round(seconds / size), unit);
  return 'just now';
}

/** Past its due date (in the viewer's today) and still open. */
export const isOverdue = (dueDate: string | null, status: Status) => dueDate !== null && dueDate < today() && isOpenStatus(status);

/**
 * Business minutes (the service-level clock: 8-hour business days) as hours under a business day,
 * business days from one on: 45 → "0.8 h", 150 → "2.5 h", 720 → "1.5 d"; null → "—".
 */
export function formatBusinessMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 480) return `${(Math.round(minutes / 6) / 10).toLocaleString('en-US')} h`;
  return `${(Math.round(minutes / 48) / 10).toLocaleString('en-US')} d`;
}
