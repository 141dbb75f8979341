import { z } from 'zod';
import { dateOfDayNumber, dayNumber } from './calendar';
import { DateInput, IsoDate, type ReportClass } from './domain';
import { workingDaysPerWeek } from './working-time';

/**
 * Capacity: each marketer's next weeks as minutes. `availableMinutes` is their working time in the
 * week (working-time.ts: weekly minutes over Monday–Friday minus holidays); `reserveMinutes` the
 * strategic reserve kept in it; committed minutes are the remaining estimates of their assigned
 * open requests, spread over the working days until each one's planned or needed-by date.
 */
export const maxCapacityWeeks = 26;

/** `GET /api/capacity?from=YYYY-MM-DD&weeks=6`: `from` is moved back to its Monday. */
export const CapacityQuery = z.strictObject({
  from: DateInput.optional(),
  weeks: z.coerce
    .number({ error: `must be a whole number of weeks from 1 to ${maxCapacityWeeks}` })
    .int({ error: 'must be a whole number of weeks' })
    .min(1, { error: 'must be at least 1 week' })
    .max(maxCapacityWeeks, { error: `must be at most ${maxCapacityWeeks} weeks` })
    .default(6),
});
export type CapacityQuery = z.infer<typeof CapacityQuery>;

export const CapacityWeek = z.object({
  /** The week's Monday. */
  week: IsoDate,
  availableMinutes: z.number().int(),
  reserveMinutes: z.number().int(),
  committedStrategicMinutes: z.number().int(),
  committedTacticalMinutes: z.number().int(),
  /** Assigned work nobody has classified yet: neither strategic nor tactical, still committed. */
  committedUnclassifiedMinutes: z.number().int(),
});
export type CapacityWeek = z.infer<typeof CapacityWeek>;

export const CapacityPerson = z.object({
  userId: z.number().int(),
  name: z.string(),
  /** Assigned open requests with no estimate: committed, but counted as nothing. */
  unestimatedCount: z.number().int(),
  weeks: z.array(CapacityWeek),
});
export type CapacityPerson = z.infer<typeof CapacityPerson>;

export const Capacity = z.object({
  /** The Mondays of the weeks shown, in order. */
  weeks: z.array(IsoDate),
  people: z.array(CapacityPerson),
});
export type Capacity = z.infer<typeof Capacity>;

/** One assigned open request as capacity counts it. */
export interface Commitment {
  /** Estimate minus logged time, never below 0. */
  remainingMinutes: number;
  reportClass: ReportClass;
  /** Planned-for, else needed-by, else expected-by; null when none is known. */
  until: string | null;
}

/** A person's calendar for planning: working time and reserve per week, the company's holidays. */
export interface PlanningCalendar {
  weeklyMinutes: number;
  strategicReserveMinutes: number;
  holidays: ReadonlySet<string>;
}

/**
 * The arithmetic below runs on day numbers (days since 1970-01-01, calendar.ts), not on date
 * strings: a view of 20 people × 6 weeks walks tens of thousands of days, and each string step
 * would parse and format a date. Holidays become a set of numbers and a sorted list of the
 * weekday ones (to count them in a range by binary search), built once per holiday set.
 */
interface DayCalendar {
  holidays: ReadonlySet<number>;
  /** Holidays on Monday..Friday, ascending: the ones that take a working day away. */
  weekdayHolidays: readonly number[];
}

/** 0 = Monday .. 6 = Sunday; day 0 (1970-01-01) was a Thursday. */
const weekdayOf = (n: number): number => (((n + 3) % 7) + 7) % 7;
const isWorkingDayNumber = (n: number, cal: DayCalendar): boolean => weekdayOf(n) < workingDaysPerWeek && !cal.holidays.has(n);

const calendars = new WeakMap<ReadonlySet<string>, DayCalendar>();
function dayCalendar(holidays: ReadonlySet<string>): DayCalendar {
  let cal = calendars.get(holidays);
  if (!cal) {
    const numbers = new Set([...holidays].map(dayNumber));
    const weekdayHolidays = [...numbers].filter((n) => weekdayOf(n) < workingDaysPerWeek).sort((a, b) => a - b);
    cal = { holidays: numbers, weekdayHolidays };
    calendars.set(holidays, cal);
  }
  return cal;
}

/** The index of the first element of `sorted` that is ≥ `n`. */
function lowerBound(sorted: readonly number[], n: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Working days in `first`..`last` (both included), as working-time.ts `workingDays` counts them. */
function workingDaysIn(first: number, last: number, cal: DayCalendar): number {
  if (last < first) return 0;
  const whole = Math.floor((last - first + 1) / 7);
  let count = whole * workingDaysPerWeek;
  for (let n = first + whole * 7; n <= last; n++) if (weekdayOf(n) < workingDaysPerWeek) count++;
  return count - (lowerBound(cal.weekdayHolidays, last + 1) - lowerBound(cal.weekdayHolidays, first));
}

function firstWorkingDayNumber(from: number, cal: DayCalendar): number {
  let day = from;
  for (let i = 0; i < 366 && !isWorkingDayNumber(day, cal); i++) day++;
  return day;
}

/** The first working day on or after `date` (a week of holidays is skipped; bounded by a year). */
export function firstWorkingDayFrom(date: string, holidays: ReadonlySet<string>): string {
  return dateOfDayNumber(firstWorkingDayNumber(dayNumber(date), dayCalendar(holidays)));
}

/** `spreadCommitment` on day numbers: calls `put(day, minutes)` for each day that takes a share. */
function spreadDays(c: Commitment, today: number, horizonEnd: number, cal: DayCalendar, put: (day: number, minutes: number) => void): void {
  if (c.remainingMinutes <= 0) return;
  const first = firstWorkingDayNumber(today, cal);
  const until = c.until === null ? null : dayNumber(c.until);
  if (until !== null && until > first) {
    // The share is counted over every working day to the date (by arithmetic); only the days up
    // to the horizon are walked, so the loop is bounded by the weeks shown.
    const count = workingDaysIn(first, until, cal);
    if (count > 1) {
      const base = Math.floor(c.remainingMinutes / count);
      const extra = c.remainingMinutes - base * count;
      const lastShown = Math.min(until, horizonEnd);
      let i = 0;
      for (let d = first; d <= lastShown; d++) {
        if (!isWorkingDayNumber(d, cal)) continue;
        put(d, base + (i < extra ? 1 : 0));
        i++;
      }
      return;
    }
  }
  if (first <= horizonEnd) put(first, c.remainingMinutes);
}

/**
 * How a commitment's remaining minutes fall on days: evenly over the working days from `today`
 * through its date, whole minutes, the remainder on the earliest days (so the days add up to the
 * remaining minutes exactly). A date today or earlier (overdue), no date, or no working day in
 * between puts it all on the first working day from today: it is due now. Spreading stops after
 * `horizonEnd` (what lies beyond is not shown), so a far date costs no long loop.
 */
export function spreadCommitment(c: Commitment, today: string, horizonEnd: string, holidays: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  spreadDays(c, dayNumber(today), dayNumber(horizonEnd), dayCalendar(holidays), (d, m) => out.set(dateOfDayNumber(d), m));
  return out;
}

/**
 * A person's weeks (Mondays in `weeks`): available time from `today` on (a week already begun
 * counts its remaining working days; past weeks none), the reserve kept in it (the weekly reserve
 * in proportion to the working days counted, never above what is available), and the committed
 * minutes of `commitments` by class.
 */
export function capacityWeeks(
  person: PlanningCalendar,
  commitments: readonly Commitment[],
  weeks: readonly string[],
  today: string,
): CapacityWeek[] {
  const cal = dayCalendar(person.holidays);
  const todayN = dayNumber(today);
  const out: CapacityWeek[] = weeks.map((week) => {
    const monday = dayNumber(week);
    const start = Math.max(monday, todayN);
    const days = workingDaysIn(start, monday + 4, cal);
    const available = Math.round((person.weeklyMinutes / workingDaysPerWeek) * days);
    const reserve = Math.min(available, Math.round((person.strategicReserveMinutes / workingDaysPerWeek) * days));
    return {
      week,
      availableMinutes: available,
      reserveMinutes: reserve,
      committedStrategicMinutes: 0,
      committedTacticalMinutes: 0,
      committedUnclassifiedMinutes: 0,
    };
  });
  if (weeks.length === 0) return out;
  // `weeks` are consecutive Mondays in the API; a list with gaps is looked up by Monday instead.
  const firstMonday = dayNumber(weeks[0]!);
  const byMonday = new Map(weeks.map((w, i) => [dayNumber(w), out[i]!]));
  const horizonEnd = dayNumber(weeks[weeks.length - 1]!) + 6;
  for (const c of commitments) {
    const key =
      c.reportClass === 'strategic'
        ? 'committedStrategicMinutes'
        : c.reportClass === 'tactical'
          ? 'committedTacticalMinutes'
          : 'committedUnclassifiedMinutes';
    spreadDays(c, todayN, horizonEnd, cal, (day, minutes) => {
      const w = byMonday.get(day - weekdayOf(day));
      if (w && day >= firstMonday) w[key] += minutes;
    });
  }
  return out;
}

/**
 * Free time in a week: what is available minus the reserve (or the strategic work, when it
 * needs more than the reserve) minus the rest of the work. Below 0 the week eats the reserve or
 * is over-committed.
 */
export const freeMinutes = (w: CapacityWeek): number =>
  w.availableMinutes -
  Math.max(w.reserveMinutes, w.committedStrategicMinutes) -
  w.committedTacticalMinutes -
  w.committedUnclassifiedMinutes;

/** Committed beyond everything available (reserve included); 0 when it fits. */
export const overCommittedMinutes = (w: CapacityWeek): number =>
  Math.max(0, w.committedStrategicMinutes + w.committedTacticalMinutes + w.committedUnclassifiedMinutes - w.availableMinutes);

/**
 * The part of the reserve that non-strategic work takes: the reserve strategic work has not used,
 * as far as tactical and unclassified work spill past the time outside the reserve.
 */
export function reserveTakenMinutes(w: CapacityWeek): number {
  const unusedReserve = Math.max(0, w.reserveMinutes - w.committedStrategicMinutes);
  const roomOutsideReserve = Math.max(0, w.availableMinutes - Math.max(w.reserveMinutes, w.committedStrategicMinutes));
  const spill = w.committedTacticalMinutes + w.committedUnclassifiedMinutes - roomOutsideReserve;
  return Math.max(0, Math.min(unusedReserve, spill));
}
