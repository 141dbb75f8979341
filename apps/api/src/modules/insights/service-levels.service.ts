import { addDays } from '@altitude/shared/calendar';
import type { DepartmentService, ServiceLevelGroup, ServiceLevels, ServiceLevelsQuery } from '@altitude/shared/service-levels';
import { departmentServiceDays } from '@altitude/shared/service-levels';
import type { SessionUser } from '@altitude/shared/auth';
import type { Queryable } from '../../db/client';
import { businessCalendar } from '../service-levels/business-calendar';
import { companyTimeZone, todayIn } from '../settings/company-clock';
import { reportCalendar } from './report-calendar';
import { boundsOf, type ReportPeriod } from './report-period';
import { emptyTallyParts, onTimeJudge, surelyLateAfter, tallyOf, type ServiceTally, type TallyParts } from './rules/service-level-maths';
import { deliveredCounts, deliveredToJudge, departmentName, filedClocks, filedCounts, groupLabels } from './service-levels.queries';

type Grouping = ServiceLevelsQuery['groupBy'];

/** The group key of requests nobody is assigned to. */
export const unassignedKey = 'none';

export interface TallyOptions {
  /** Only this department's requests. */
  departmentId?: number;
}

/** Per group: requests delivered in the period and how many on time (SQL counts the surely on-time ones, the judge the rest). */
export function onTimeByGroup(
  db: Queryable,
  period: ReportPeriod,
  groupBy: Grouping,
  now: Date,
  { departmentId }: TallyOptions = {},
): Map<number | null, { delivered: number; onTime: number }> {
  const calendar = reportCalendar(businessCalendar(db));
  const met = onTimeJudge(now, calendar);
  const groups = new Map(
    deliveredCounts(db, period, groupBy, departmentId).map((d) => [d.key, { delivered: d.delivered, onTime: d.surelyOnTime }]),
  );
  // Deliveries up to 90 days late, the usual ones, are settled in SQL when surely late; any other is judged here.
  const late = surelyLateAfter(calendar, addDays(period.from, -90), period.to);
  for (const r of deliveredToJudge(db, period, groupBy, departmentId, late)) if (met(r)) groups.get(r.key)!.onTime += 1;
  return groups;
}

/**
 * Tallies per group key (a type, department or marketer id; null for unassigned): counts and sums
 * grouped in SQL, the calendar asked only for the rows that need it (deliveries not surely on
 * time, first responses, running pauses), with one calendar for every group.
 */
export function serviceTallies(
  db: Queryable,
  period: ReportPeriod,
  groupBy: Grouping,
  now: Date,
  { departmentId }: TallyOptions = {},
): Map<number | null, ServiceTally> {
  const calendar = reportCalendar(businessCalendar(db));
  // Every group with a request filed or delivered in the period, and no other.
  const parts = new Map<number | null, TallyParts>();
  const of = (key: number | null) => {
    let p = parts.get(key);
    if (!p) parts.set(key, (p = emptyTallyParts()));
    return p;
  };
  for (const [key, d] of onTimeByGroup(db, period, groupBy, now, { departmentId })) Object.assign(of(key), d);
  for (const f of filedCounts(db, period, groupBy, departmentId))
    Object.assign(of(f.key), { filed: f.filed, rounds: f.rounds, rushes: f.rushes, pausedMinutes: f.pausedMinutes });
  for (const r of filedClocks(db, period, groupBy, departmentId)) of(r.key).clocks.push(r);
  return new Map([...parts].map(([key, p]) => [key, tallyOf(p, now, calendar)]));
}

/**
 * `GET /api/reports/service-levels`. `hidePeople` (the board view, for anyone but a lead)
 * answers `groupBy=assignee` without its groups, as time-split does.
 */
export function readServiceLevels(db: Queryable, period: ReportPeriod, groupBy: Grouping, now: Date, hidePeople: boolean): ServiceLevels {
  const peopleHidden = hidePeople && groupBy === 'assignee';
  const base = { from: period.from, to: period.to, groupBy, peopleHidden };
  if (peopleHidden) return { ...base, groups: [] };
  const tallies = serviceTallies(db, period, groupBy, now);
  const labels = groupLabels(
    db,
    groupBy,
    [...tallies.keys()].filter((k): k is number => k !== null),
  );
  const groups: ServiceLevelGroup[] = [...tallies].map(([key, t]) => ({
    key: key === null ? unassignedKey : String(key),
    label: key === null ? 'Unassigned' : (labels.get(key) ?? `#${key}`),
    filed: t.filed,
    delivered: t.delivered,
    onTime: t.onTime,
    onTimeShare: t.onTimeShare,
    medianFirstResponseMinutes: t.medianFirstResponseMinutes,
    pausedMinutes: t.pausedMinutes,
    needsInfoRounds: t.needsInfoRounds,
    rushCount: t.rushCount,
  }));
  // Alphabetical, so a group keeps its row as figures change; unassigned last.
  groups.sort((a, b) => Number(a.key === unassignedKey) - Number(b.key === unassignedKey) || a.label.localeCompare(b.label));
  return { ...base, groups };
}

/** `GET /api/requests/department-service`: the caller's department over the last 90 days (today included). */
export function readDepartmentService(db: Queryable, user: Pick<SessionUser, 'departmentId'>, now: Date): DepartmentService {
  const to = todayIn(db, now);
  const period = boundsOf({ from: addDays(to, -(departmentServiceDays - 1)), to }, companyTimeZone(db));
  const t =
    serviceTallies(db, period, 'department', now, { departmentId: user.departmentId }).get(user.departmentId) ??
    tallyOf(emptyTallyParts(), now, businessCalendar(db));
  return {
    departmentId: user.departmentId,
    departmentName: departmentName(db, user.departmentId),
    from: period.from,
    to: period.to,
    filed: t.filed,
    delivered: t.delivered,
    onTimeShare: t.onTimeShare,
    rushShare: t.filed ? t.rushCount / t.filed : null,
    needsInfoRounds: t.filed ? t.needsInfoRounds : null,
    medianFirstResponseMinutes: t.medianFirstResponseMinutes,
  };
}
