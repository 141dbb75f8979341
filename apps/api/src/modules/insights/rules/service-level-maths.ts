import type { BusinessCalendar } from '@altitude/shared/business-time';
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

export function tallyOf(delivered: readonly SlaClock[], filed: readonly FiledClock[], now: Date, calendar: BusinessCalendar): ServiceTally {
  const onTime = delivered.filter((r) => slaStateOf(r, now, calendar) === 'met').length;
  const firstResponses = filed
    .flatMap((r) => (r.firstResponseAt ? [calendar.minutesBetween(r.createdAt, r.firstResponseAt)] : []))
    .sort((a, b) => a - b);
  const median = percentile(firstResponses, 0.5);
  const rounds = filed.reduce((n, r) => n + r.needsInfoRounds, 0);
  return {
    filed: filed.length,
    delivered: delivered.length,
    onTime,
    onTimeShare: delivered.length ? onTime / delivered.length : null,
    medianFirstResponseMinutes: median === null ? null : roundTo(median, 1),
    pausedMinutes: filed.reduce((n, r) => n + pausedMinutesOf(r, now, calendar), 0),
    rounds,
    needsInfoRounds: filed.length ? roundTo(rounds / filed.length, 2) : 0,
    rushCount: filed.filter((r) => r.rush).length,
  };
}
