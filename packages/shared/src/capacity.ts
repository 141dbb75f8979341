import { z } from 'zod';
import { addDays, daysBetween, mondayOf } from './calendar';
import { DateInput, IsoDate, type ReportClass } from './domain';
import { workingDays, workingDaysPerWeek } from './working-time';

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

const isWorkingDay = (date: string, holidays: ReadonlySet<string>): boolean => {
  const sinceMonday = daysBetween(mondayOf(date), date);
  return sinceMonday < workingDaysPerWeek && !holidays.has(date);
};

/** The first working day on or after `date` (a week of holidays is skipped; bounded by a year). */
export function firstWorkingDayFrom(date: string, holidays: ReadonlySet<string>): string {
  let day = date;
  for (let i = 0; i < 366 && !isWorkingDay(day, holidays); i++) day = addDays(day, 1);
  return day;
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
  if (c.remainingMinutes <= 0) return out;
  const first = firstWorkingDayFrom(today, holidays);
  if (c.until !== null && c.until > first) {
    // The share is counted over every working day to the date (by arithmetic); only the days up
    // to the horizon are walked, so the loop is bounded by the weeks shown.
    const count = workingDays(first, c.until, holidays);
    if (count > 1) {
      const base = Math.floor(c.remainingMinutes / count);
      const extra = c.remainingMinutes - base * count;
      const lastShown = c.until < horizonEnd ? c.until : horizonEnd;
      let i = 0;
      for (let d = first; d <= lastShown; d = addDays(d, 1)) {
        if (!isWorkingDay(d, holidays)) continue;
        out.set(d, base + (i < extra ? 1 : 0));
        i++;
      }
      return out;
    }
  }
  if (first <= horizonEnd) out.set(first, c.remainingMinutes);
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
  const holidays = person.holidays;
  const horizonEnd = weeks.length ? addDays(weeks[weeks.length - 1]!, 6) : today;
  const byWeek = new Map<string, CapacityWeek>();
  for (const week of weeks) {
    const friday = addDays(week, 4);
    const start = week < today ? today : week;
    const days = start <= friday ? workingDays(start, friday, holidays) : 0;
    const available = Math.round((person.weeklyMinutes / workingDaysPerWeek) * days);
    const reserve = Math.min(available, Math.round((person.strategicReserveMinutes / workingDaysPerWeek) * days));
    byWeek.set(week, {
      week,
      availableMinutes: available,
      reserveMinutes: reserve,
      committedStrategicMinutes: 0,
      committedTacticalMinutes: 0,
      committedUnclassifiedMinutes: 0,
    });
  }
  for (const c of commitments) {
    for (const [day, minutes] of spreadCommitment(c, today, horizonEnd, holidays)) {
      const w = byWeek.get(mondayOf(day));
      if (!w) continue;
      if (c.reportClass === 'strategic') w.committedStrategicMinutes += minutes;
      else if (c.reportClass === 'tactical') w.committedTacticalMinutes += minutes;
      else w.committedUnclassifiedMinutes += minutes;
    }
  }
  return weeks.map((w) => byWeek.get(w)!);
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
