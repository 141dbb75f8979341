import { businessDayEndMinute, type BusinessCalendar } from '@altitude/shared/business-time';
import { dayNumber, zonedDayStart } from '@altitude/shared/calendar';
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

export interface FiledClock {
  createdAt: string;
  firstResponseAt: string | null;
  pausedMinutes: number;
  pausedSince: string | null;
  completedAt: string | null;
  status: Status;
  needsInfoRounds: number;
  rush: boolean;
}

/** A request's paused business minutes at `now`: finished pauses plus the running one (up to closing, if closed). */
export function pausedMinutesOf(
  r: Pick<FiledClock, 'pausedMinutes' | 'pausedSince' | 'completedAt' | 'status'>,
  now: Date,
  calendar: BusinessCalendar,
) {
  if (!r.pausedSince) return r.pausedMinutes;
  const end = isClosedStatus(r.status) && r.completedAt ? r.completedAt : now;
  return r.pausedMinutes + calendar.minutesBetween(r.pausedSince, end);
}

/**
 * Whether a delivered request was on time (`slaStateOf` says `met`), cheaply for the usual case:
 * delivered by 17:00 on its expected-by date, it is met whatever its pauses (they only take time
 * off), and that is one comparison of instants. The expected-by deadline's instant is worked out
 * once per date (checked against the calendar's wall clock); any other case asks `slaStateOf`.
 */
export function onTimeJudge(now: Date, calendar: BusinessCalendar): (r: SlaClock) => boolean {
  const deadlines = new Map<string, number | null>();
  const deadlineOf = (date: string): number | null => {
    let at = deadlines.get(date);
    if (at === undefined) {
      const guess = Date.parse(zonedDayStart(date, calendar.timeZone)) + businessDayEndMinute * 60_000;
      const wall = calendar.wallTime(new Date(guess));
      // A clock change between midnight and 17:00 moves the guess: leave that date to slaStateOf.
      at = wall.day === dayNumber(date) && wall.minute === businessDayEndMinute ? guess : null;
      deadlines.set(date, at);
    }
    return at;
  };
  return (r) => {
    if (r.status === 'done' && r.expectedBy && r.completedAt) {
      const deadline = deadlineOf(r.expectedBy);
      const created = Date.parse(r.createdAt);
      const done = Date.parse(r.completedAt);
      if (deadline !== null && created <= done && done <= deadline) return true;
    }
    return slaStateOf(r, now, calendar) === 'met';
  };
}

export function tallyOf(delivered: readonly SlaClock[], filed: readonly FiledClock[], now: Date, calendar: BusinessCalendar): ServiceTally {
  const met = onTimeJudge(now, calendar);
  let onTime = 0;
  for (const r of delivered) if (met(r)) onTime += 1;
  const firstResponses: number[] = [];
  let paused = 0;
  let rounds = 0;
  let rushes = 0;
  for (const r of filed) {
    if (r.firstResponseAt) firstResponses.push(calendar.minutesBetween(r.createdAt, r.firstResponseAt));
    if (r.pausedMinutes || r.pausedSince) paused += pausedMinutesOf(r, now, calendar);
    rounds += r.needsInfoRounds;
    if (r.rush) rushes += 1;
  }
  firstResponses.sort((a, b) => a - b);
  const median = percentile(firstResponses, 0.5);
  return {
    filed: filed.length,
    delivered: delivered.length,
    onTime,
    onTimeShare: delivered.length ? onTime / delivered.length : null,
    medianFirstResponseMinutes: median === null ? null : roundTo(median, 1),
    pausedMinutes: paused,
    rounds,
    needsInfoRounds: filed.length ? roundTo(rounds / filed.length, 2) : 0,
    rushCount: rushes,
  };
}
