import { z } from 'zod';
import { dayNumber } from './calendar';
import { DateInput, IsoDate } from './domain';
import { formatDuration, parseDuration, type DurationResult } from './duration';
import { singleLine } from './text';

/**
 * Working time: what "available" means when coverage divides logged time by it. A person works
 * Monday to Friday, `weeklyMinutes` spread evenly over the five days (2400 = 40 h, so 480 a
 * day); company holidays are nobody's working day. One owner for the rule, used by the API's
 * coverage and timesheet and by the web's previews.
 */

export const defaultWeeklyMinutes = 2400;
export const workingDaysPerWeek = 5;

/** A company holiday as the API answers it. */
export const Holiday = z.object({ date: IsoDate, name: z.string() });
export type Holiday = z.infer<typeof Holiday>;
/**
 * The holidays answer. It carries the company time zone too: with the holidays, it is all a
 * signed-in page needs to build the `BusinessCalendar` (the new-request form's "Expected by"),
 * while the company settings themselves stay the lead's.
 */
export const HolidayList = z.object({ items: z.array(Holiday), timezone: z.string() });
export type HolidayList = z.infer<typeof HolidayList>;

/** A century of public holidays at a generous 5 a year fits; a longer list is a mistake or an attack. */
export const maxHolidays = 500;
export const holidayNameMax = 80;

/** One holiday as a lead writes it: a date the API accepts and a short one-line name. */
export const HolidayInput = z.strictObject({ date: DateInput, name: singleLine(holidayNameMax) });
export type HolidayInput = z.infer<typeof HolidayInput>;

/**
 * `PUT /api/settings/holidays`: the whole list, replacing the stored one. A date listed twice is
 * refused at the second listing's path (`items.3.date`), since two names for one day would leave
 * the answer to chance.
 */
export const PutHolidaysBody = z.strictObject({
  items: z
    .array(HolidayInput, { error: 'must be a list of {date, name}' })
    .max(maxHolidays, { error: `must hold at most ${maxHolidays} holidays` })
    .superRefine((items, ctx) => {
      const seen = new Map<string, number>();
      items.forEach((h, i) => {
        const first = seen.get(h.date);
        if (first === undefined) seen.set(h.date, i);
        else ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `${h.date} is already listed (item ${first})` });
      });
    }),
});
export type PutHolidaysBody = z.infer<typeof PutHolidaysBody>;

/** Logged against available time for one person (or the team): `coverage` is null when nobody was available. */
const CoverageFigures = z.object({
  loggedMinutes: z.number().int(),
  availableMinutes: z.number().int(),
  coverage: z.number().nullable(),
});

export const CoveragePerson = CoverageFigures.extend({ userId: z.number().int(), name: z.string(), weeklyMinutes: z.number().int() });
export type CoveragePerson = z.infer<typeof CoveragePerson>;

/**
 * `GET /api/reports/coverage`: how much of the team's working time the logged split describes.
 * `people` is empty when per-person figures are hidden (board view, for everyone but leads).
 */
export const Coverage = CoverageFigures.extend({
  from: IsoDate,
  to: IsoDate,
  /** Monday..Friday days of the period that are not company holidays. */
  workingDays: z.number().int(),
  /** Company holidays inside the period; one on a weekend takes no working time away. */
  holidays: z.array(Holiday),
  people: z.array(CoveragePerson),
});
export type Coverage = z.infer<typeof Coverage>;

/** Monday..Friday: day numbers count from a Thursday (1970-01-01). */
const isWeekday = (n: number): boolean => {
  const sinceMonday = (((n + 3) % 7) + 7) % 7;
  return sinceMonday < workingDaysPerWeek;
};

/**
 * Monday-to-Friday days in `from`..`to` (both included) that are not holidays; 0 when `to` is
 * before `from`. Counted by arithmetic over whole weeks, so a long period costs no loop.
 */
export function workingDays(from: string, to: string, holidays: Iterable<string> = []): number {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last < first) return 0;
  const days = last - first + 1;
  const whole = Math.floor(days / 7);
  let count = whole * workingDaysPerWeek;
  for (let n = first + whole * 7; n <= last; n++) if (isWeekday(n)) count++;
  const seen = new Set<number>();
  for (const date of holidays) {
    const n = dayNumber(date);
    if (n >= first && n <= last && isWeekday(n) && !seen.has(n)) {
      seen.add(n);
      count--;
    }
  }
  return count;
}

/** A person's available minutes over a period: their daily share of `weeklyMinutes` on each working day. */
export const availableMinutes = (weeklyMinutes: number, from: string, to: string, holidays: Iterable<string> = []): number =>
  Math.round((weeklyMinutes / workingDaysPerWeek) * workingDays(from, to, holidays));

/** Logged ÷ available, 0..∞ (overtime can pass 1); null when nobody was available. */
export const coverageOf = (loggedMinutes: number, available: number): number | null => (available > 0 ? loggedMinutes / available : null);

/**
 * Weekly working time as a lead types it. A bare number is hours here ("32" is a 32-hour week:
 * nobody means 32 minutes a week), written with a point or a comma; anything with a unit or a
 * colon reads as the shared duration parser reads it ("37h 30m", "37:30"). 0 is a valid week
 * (someone who logs no request work); above 100 hours is refused as a typo.
 */
export function parseWeeklyHours(input: string, max = 6000): DurationResult {
  const text = input.trim();
  const bare = /^(\d+(?:[.,]\d+)?)$/.exec(text);
  let result: DurationResult;
  if (bare) {
    const minutes = Math.round(Number(bare[1]!.replace(',', '.')) * 60 * 1e6) / 1e6;
    result = Number.isInteger(minutes) ? { ok: true, minutes } : { ok: false, message: 'must come to whole minutes' };
  } else {
    result = parseDuration(text);
  }
  if (result.ok && result.minutes > max) return { ok: false, message: `must be at most ${formatDuration(max)} a week` };
  return result;
}
