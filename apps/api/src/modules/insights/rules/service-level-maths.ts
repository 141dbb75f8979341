import { businessDayEndMinute, businessDayStartMinute, type BusinessCalendar } from '@altitude/shared/business-time';
import { dateOfDayNumber, dayNumber, zonedDayStart } from '@altitude/shared/calendar';
import { isClosedStatus, type Status } from '@altitude/shared/domain';
import { slaStateOf, type SlaClock } from '@altitude/shared/service-levels';
import { percentile, roundTo } from './report-maths';

/**
 * The service-levels figures of one group, from its requests' clock columns. Pure, so the API
 * and the tests' hand-worked cases read the same definitions (docs/product.md):
 * - delivered: done, completed in the period; on time: of those, SLA state `met`;
 * - the rest over requests filed in the period: median business minutes from filing to the first
 *   response (of those that have one; the mean of the two middle values for an even count),
 *   business minutes paused (finished pauses plus the one running, up to now or to closing),
 *   needs-info rounds per request and rushes.
 */
export interface ServiceTally {
  filed: number;
  delivered: number;
  onTime: number;
  onTimeShare: number | null;
  medianFirstResponseMinutes: number | null;
  pausedMinutes: number;
  /** Rounds in all; `needsInfoRounds` is the ratio per filed request. */
  rounds: number;
  needsInfoRounds: number;
  rushCount: number;
}

/** A request filed in the period whose figures need the calendar: a first response or a running pause. */
export interface FiledClock {
  createdAt: string;
  firstResponseAt: string | null;
  pausedSince: string | null;
  completedAt: string | null;
  status: Status;
}

/**
 * One group's inputs: deliveries and how many on time (`onTimeJudge` over what SQL could not
 * settle), counts and sums SQL made over filed requests, and the filed rows that need the calendar.
 */
export interface TallyParts {
  delivered: number;
  onTime: number;
  filed: number;
  rounds: number;
  rushes: number;
  /** Business minutes of finished pauses. */
  pausedMinutes: number;
  /** Filed requests with a first response or a running pause: the figures only the calendar can work out. */
  clocks: FiledClock[];
}

export const emptyTallyParts = (): TallyParts => ({
  delivered: 0,
  onTime: 0,
  filed: 0,
  rounds: 0,
  rushes: 0,
  pausedMinutes: 0,
  clocks: [],
});

/** Business minutes of a running pause at `now` (up to closing, if closed). */
export function runningPauseMinutes(r: Pick<FiledClock, 'pausedSince' | 'completedAt' | 'status'>, now: Date, calendar: BusinessCalendar) {
  if (!r.pausedSince) return 0;
  const end = isClosedStatus(r.status) && r.completedAt ? r.completedAt : now;
  return calendar.minutesBetween(r.pausedSince, end);
}

// The instants of each expected-by date depend on the calendar alone: kept with it, for every later pass.
const limitsByCalendar = new WeakMap<BusinessCalendar, Map<string, { deadline: number | null; lateFrom: number | null }>>();

/**
 * Whether a delivered request was on time (`slaStateOf` says `met`), cheaply for the usual cases:
 * - delivered by 17:00 on its expected-by date, it is met whatever its pauses (they only take
 *   time off);
 * - never paused, filed by then and delivered later, it used its budget plus the business minutes
 *   after that 17:00, so it is met only while those are none: before 09:01 (minutes count whole) on
 *   the next business day.
 * Each is one comparison of instants, worked out once per expected-by date and checked against
 * the calendar's wall clock (a date whose clocks change in between is left out); any other case
 * asks `slaStateOf`. The instants are kept per calendar: pass the same one (`reportCalendar`) each time.
 */
export function onTimeJudge(now: Date, calendar: BusinessCalendar): (r: SlaClock) => boolean {
  const instantAt = (date: string, minute: number): number | null => {
    const guess = Date.parse(zonedDayStart(date, calendar.timeZone)) + minute * 60_000;
    const wall = calendar.wallTime(new Date(guess));
    return wall.day === dayNumber(date) && wall.minute === minute ? guess : null;
  };
  let limits = limitsByCalendar.get(calendar);
  if (!limits) limitsByCalendar.set(calendar, (limits = new Map()));
  const limitsOf = (date: string) => {
    let at = limits.get(date);
    if (!at) {
      const deadline = instantAt(date, businessDayEndMinute);
      const lateFrom = deadline === null ? null : instantAt(calendar.addBusinessDays(date, 1), businessDayStartMinute + 1);
      limits.set(date, (at = { deadline, lateFrom }));
    }
    return at;
  };
  return (r) => {
    if (r.status === 'done' && r.expectedBy && r.completedAt) {
      const { deadline, lateFrom } = limitsOf(r.expectedBy);
      const created = Date.parse(r.createdAt);
      const done = Date.parse(r.completedAt);
      if (deadline !== null && created <= done) {
        if (done <= deadline) return true;
        if (lateFrom !== null && created <= deadline && r.pausedMinutes === 0 && !r.pausedSince) return done < lateFrom;
      }
    }
    return slaStateOf(r, now, calendar) === 'met';
  };
}

/** Expected-by dates, both ends included, over which `surelyLateAfter` holds. */
export interface SurelyLate {
  from: string;
  to: string;
  /** A delivery on or after this many days after its expected-by date (UTC midnight) is surely late. */
  days: number;
}

/**
 * When a delivery is late whatever the zone and without asking the calendar per request: filed
 * before 03:00 UTC of its expected-by date (so before 17:00 there in any zone), never paused, and
 * delivered on or after UTC midnight starting the day after the next business day. By then the
 * whole 09:00 of that business day has passed in any zone (offsets reach UTC−12), so the delivery
 * used business minutes beyond its budget: `slaStateOf` says `missed`, and `onTimeJudge`'s quick
 * path (delivered from `lateFrom`, 09:01 of that day) agrees. `days` is the longest such wait over
 * the expected-by dates from `from` to `to` (weekends and holidays lengthen it); a date outside
 * them is judged row by row as before.
 */
export function surelyLateAfter(calendar: BusinessCalendar, from: string, to: string): SurelyLate {
  let longest = 0;
  for (let n = dayNumber(from); n <= dayNumber(to); n++) {
    let next = n + 1;
    while (!calendar.isBusinessDay(dateOfDayNumber(next))) next += 1;
    longest = Math.max(longest, next - n);
    // The days up to `next` wait no longer than `n` does: skip them.
    if (next - 1 > n) n = next - 1;
  }
  return { from, to, days: longest + 1 };
}

export function tallyOf(p: TallyParts, now: Date, calendar: BusinessCalendar): ServiceTally {
  const onTime = p.onTime;
  const firstResponses: number[] = [];
  let paused = p.pausedMinutes;
  for (const r of p.clocks) {
    if (r.firstResponseAt) firstResponses.push(calendar.minutesBetween(r.createdAt, r.firstResponseAt));
    paused += runningPauseMinutes(r, now, calendar);
  }
  firstResponses.sort((a, b) => a - b);
  const median = percentile(firstResponses, 0.5);
  return {
    filed: p.filed,
    delivered: p.delivered,
    onTime,
    onTimeShare: p.delivered ? onTime / p.delivered : null,
    medianFirstResponseMinutes: median === null ? null : roundTo(median, 1),
    pausedMinutes: paused,
    rounds: p.rounds,
    needsInfoRounds: p.filed ? roundTo(p.rounds / p.filed, 2) : 0,
    rushCount: p.rushes,
  };
}
