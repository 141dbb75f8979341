import { z } from 'zod';
import { addDays, dayNumber, mondayOf } from './calendar';
import type { ReportClass } from './domain';
import { Quarter, quarterRange } from './quarter';
import { workingDays, workingDaysPerWeek } from './working-time';

/** `GET /api/reports/forecast?quarter=YYYY-Qn` (the current quarter when left out). */
export const ForecastQuery = z.strictObject({ quarter: Quarter.optional() });
export type ForecastQuery = z.infer<typeof ForecastQuery>;

/**
 * Where the quarter's strategic share is heading. Shares are 0..1 and null without any logged
 * or projected time; `neededStrategicMinutesPerWeek` is what closes the gap to the target over
 * the weeks left (0 when the projection already meets it), `neededTacticalMinutesHandedBack` the
 * other way to close it: tactical time handed back instead.
 */
export const Forecast = z.object({
  quarter: Quarter,
  target: z.number().nullable(),
  shareSoFar: z.number().nullable(),
  projectedShare: z.number().nullable(),
  projectedLow: z.number().nullable(),
  projectedHigh: z.number().nullable(),
  neededStrategicMinutesPerWeek: z.number().int(),
  neededTacticalMinutesHandedBack: z.number().int(),
  weeksLeft: z.number(),
});
export type Forecast = z.infer<typeof Forecast>;

/** Minutes by class, as the time split counts them (`reportClass`). */
export interface ClassMinutes {
  strategicMinutes: number;
  tacticalMinutes: number;
  unclassifiedMinutes: number;
}

/** An open request as the forecast reads it. */
export interface ForecastRequest {
  reportClass: ReportClass;
  estimateMinutes: number | null;
  /** Every minute ever logged on it. */
  loggedMinutes: number;
  plannedFor: string | null;
  /** The requester's "needed by" (`dueDate`). */
  neededBy: string | null;
  expectedBy: string | null;
}

export interface ForecastInput {
  quarter: Quarter;
  /** Today in the company time zone. */
  today: string;
  /** The quarter's strategic-share target, 0..1, or null. */
  target: number | null;
  /**
   * Minutes logged per day by class, covering at least the quarter up to today and the four
   * weeks before this week's Monday; days with nothing logged may be left out, days outside are ignored.
   */
  loggedByDay: readonly (ClassMinutes & { date: string })[];
  /** The first day anything was ever logged (null: never): weeks before it are not "data". */
  firstLoggedDate: string | null;
  /** Open requests (the API passes those with an estimate). */
  openRequests: readonly ForecastRequest[];
  /** Company holidays (dates). */
  holidays: readonly string[];
}

/** How many full weeks before today set the run rate. */
export const runRateWeeks = 4;

const zero = (): ClassMinutes => ({ strategicMinutes: 0, tacticalMinutes: 0, unclassifiedMinutes: 0 });
const totalOf = (m: ClassMinutes) => m.strategicMinutes + m.tacticalMinutes + m.unclassifiedMinutes;
const add = (a: ClassMinutes, b: ClassMinutes): ClassMinutes => ({
  strategicMinutes: a.strategicMinutes + b.strategicMinutes,
  tacticalMinutes: a.tacticalMinutes + b.tacticalMinutes,
  unclassifiedMinutes: a.unclassifiedMinutes + b.unclassifiedMinutes,
});
const scale = (m: ClassMinutes, f: number): ClassMinutes => ({
  strategicMinutes: m.strategicMinutes * f,
  tacticalMinutes: m.tacticalMinutes * f,
  unclassifiedMinutes: m.unclassifiedMinutes * f,
});
const classKey = { strategic: 'strategicMinutes', tactical: 'tacticalMinutes', unclassified: 'unclassifiedMinutes' } as const;
/** "a percentage against an empty base is a lie": null, never NaN or Infinity. */
const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
/** Whole minutes up, without float dust turning 376.0000000001 into 377. */
const ceilMinutes = (x: number): number => Math.ceil(Math.round(x * 1e6) / 1e6);
const floorMinutes = (x: number): number => Math.floor(Math.round(x * 1e6) / 1e6);

/** Minutes logged per day from `from` to `to` (both included), by class. */
function loggedBetween(days: ForecastInput['loggedByDay'], from: string, to: string): ClassMinutes {
  const [a, b] = [dayNumber(from), dayNumber(to)];
  return days.reduce((sum, d) => {
    const n = dayNumber(d.date);
    return n >= a && n <= b ? add(sum, d) : sum;
  }, zero());
}

/**
 * The forecast to target, one pure rule (unit-tested with hand-computed cases; docs/product.md
 * says it in words):
 * - **So far**: strategic S, tactical T and unclassified U minutes logged in the quarter up to
 *   today (included); `shareSoFar` = S / (S+T+U), null when nothing is logged.
 * - **Committed**: the remaining estimate, max(0, estimate − logged), of each open request, by
 *   its class, when its planned-for ?? needed-by ?? expected-by date is on or before quarter end
 *   (no date: counted; after quarter end: not).
 * - **Run rate**: minutes per working week by class over the last four full (Monday–Sunday)
 *   weeks before today's week, each week's minutes scaled to five working days (a week with a
 *   holiday counts at its working days; a week without any is skipped); weeks before the week
 *   of the first logged entry are not data, so younger data gives fewer weeks; with none, the
 *   quarter-so-far rate (minutes so far per five working days so far).
 * - **Fill**: the weeks left are filled at the run-rate total per week × weeks left, minus what is
 *   already committed (never below 0), split at the run-rate mix.
 * - `projectedShare` = (S + committed S + fill S) ÷ (so far + committed + fill);
 *   `projectedLow`/`High` use the lowest/highest weekly strategic share of the run-rate weeks
 *   (weeks with time logged) for the fill instead of the mix; equal to `projectedShare` when there
 *   is one such week or no fill. `weeksLeft` = working days after today to quarter end ÷ 5.
 * - `neededStrategicMinutesPerWeek` = ceil((target × total − S projected) ÷ weeksLeft), at most
 *   the projected tactical and unclassified minutes per week; `neededTacticalMinutesHandedBack` =
 *   ceil(total − S projected ÷ target), at most the projected tactical minutes. Both 0 when the
 *   projection meets the target or there is no target; the first also when no week is left, the
 *   second also once the quarter has ended (nothing is left to hand back).
 * A quarter that has ended is its outcome: nothing committed, no fill, no week left.
 */
export function forecastToTarget(input: ForecastInput): Forecast {
  const { quarter, today, target, holidays } = input;
  const { from: quarterStart, to: quarterEnd } = quarterRange(quarter);
  const ended = dayNumber(today) > dayNumber(quarterEnd);
  const soFarEnd = ended ? quarterEnd : today;
  const soFar = dayNumber(soFarEnd) < dayNumber(quarterStart) ? zero() : loggedBetween(input.loggedByDay, quarterStart, soFarEnd);

  const lastDay = dayNumber(quarterEnd);
  const committed = ended
    ? zero()
    : input.openRequests.reduce((sum, r) => {
        const date = r.plannedFor ?? r.neededBy ?? r.expectedBy;
        if (r.estimateMinutes === null || (date !== null && dayNumber(date) > lastDay)) return sum;
        const remaining = Math.max(0, r.estimateMinutes - r.loggedMinutes);
        return { ...sum, [classKey[r.reportClass]]: sum[classKey[r.reportClass]] + remaining };
      }, zero());

  // Run rate: the full weeks before today's week that are not older than the data.
  const thisMonday = mondayOf(today);
  const firstDataWeek = input.firstLoggedDate === null ? null : dayNumber(mondayOf(input.firstLoggedDate));
  const weeks: ClassMinutes[] = [];
  for (let i = runRateWeeks; i >= 1; i--) {
    const monday = addDays(thisMonday, -7 * i);
    if (firstDataWeek === null || dayNumber(monday) < firstDataWeek) continue;
    const days = workingDays(monday, addDays(monday, 6), holidays);
    if (days === 0) continue;
    weeks.push(scale(loggedBetween(input.loggedByDay, monday, addDays(monday, 6)), workingDaysPerWeek / days));
  }
  let rate: ClassMinutes;
  if (weeks.length > 0) {
    rate = scale(weeks.reduce(add, zero()), 1 / weeks.length);
  } else {
    const daysSoFar = dayNumber(soFarEnd) < dayNumber(quarterStart) ? 0 : workingDays(quarterStart, soFarEnd, holidays);
    rate = daysSoFar > 0 ? scale(soFar, workingDaysPerWeek / daysSoFar) : zero();
  }

  const daysLeft = ended
    ? 0
    : workingDays(dayNumber(today) < dayNumber(quarterStart) ? quarterStart : addDays(today, 1), quarterEnd, holidays);
  const weeksLeft = Math.round((daysLeft / workingDaysPerWeek) * 10) / 10;
  const rateTotal = totalOf(rate);
  const fillTotal = Math.max(0, (rateTotal * daysLeft) / workingDaysPerWeek - totalOf(committed));
  const fill = rateTotal > 0 ? scale(rate, fillTotal / rateTotal) : zero();

  const projected = add(add(soFar, committed), fill);
  const total = totalOf(projected);
  const strategic = projected.strategicMinutes;
  const projectedShare = ratio(strategic, total);

  const weekShares = weeks.flatMap((w) => (totalOf(w) > 0 ? [w.strategicMinutes / totalOf(w)] : []));
  const spread = weekShares.length > 1 && totalOf(fill) > 0;
  const fixedStrategic = soFar.strategicMinutes + committed.strategicMinutes;
  const withFillShare = (share: number) => ratio(fixedStrategic + totalOf(fill) * share, total);

  const met = target === null || total === 0 || strategic >= target * total;
  const neededStrategicMinutesPerWeek =
    met || weeksLeft === 0
      ? 0
      : Math.min(
          ceilMinutes((target * total - strategic) / weeksLeft),
          floorMinutes((projected.tacticalMinutes + projected.unclassifiedMinutes) / weeksLeft),
        );
  const neededTacticalMinutesHandedBack =
    met || ended || target === null ? 0 : Math.min(ceilMinutes(total - strategic / target), floorMinutes(projected.tacticalMinutes));

  return {
    quarter,
    target,
    shareSoFar: ratio(soFar.strategicMinutes, totalOf(soFar)),
    projectedShare,
    projectedLow: spread ? withFillShare(Math.min(...weekShares)) : projectedShare,
    projectedHigh: spread ? withFillShare(Math.max(...weekShares)) : projectedShare,
    neededStrategicMinutesPerWeek,
    neededTacticalMinutesHandedBack,
    weeksLeft,
  };
}
