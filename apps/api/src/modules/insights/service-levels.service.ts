import { addDays } from '@altitude/shared/calendar';
import type { DepartmentService, ServiceLevelGroup, ServiceLevels, ServiceLevelsQuery } from '@altitude/shared/service-levels';
import { departmentServiceDays } from '@altitude/shared/service-levels';
import type { SessionUser } from '@altitude/shared/auth';
import type { Queryable } from '../../db/client';
import { businessCalendar } from '../service-levels/business-calendar';
import { companyTimeZone, todayIn } from '../settings/company-clock';
import { reportCalendar } from './report-calendar';
import { boundsOf, type ReportPeriod } from './report-period';
import { tallyOf, type ServiceTally } from './rules/service-level-maths';
import { deliveredIn, departmentName, filedIn, groupLabels, type DeliveredRow, type FiledRow } from './service-levels.queries';

type Grouping = ServiceLevelsQuery['groupBy'];

/** The group key of requests nobody is assigned to. */
export const unassignedKey = 'none';

/** Tallies per group key (a type, department or marketer id; null for unassigned). */
export function serviceTallies(db: Queryable, period: ReportPeriod, groupBy: Grouping, now: Date): Map<number | null, ServiceTally> {
  const calendar = reportCalendar(businessCalendar(db));
  const delivered = new Map<number | null, DeliveredRow[]>();
  const filed = new Map<number | null, FiledRow[]>();
  const push = <T extends { key: number | null }>(into: Map<number | null, T[]>, row: T) => {
    const list = into.get(row.key);
    if (list) list.push(row);
    else into.set(row.key, [row]);
  };
  for (const row of deliveredIn(db, period, groupBy)) push(delivered, row);
  for (const row of filedIn(db, period, groupBy)) push(filed, row);
  // Every group with a request filed or delivered in the period, and no other.
  const keys = new Set([...delivered.keys(), ...filed.keys()]);
  return new Map([...keys].map((key) => [key, tallyOf(delivered.get(key) ?? [], filed.get(key) ?? [], now, calendar)]));
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
  const calendar = reportCalendar(businessCalendar(db));
  const t = tallyOf(
    deliveredIn(db, period, 'department', user.departmentId),
    filedIn(db, period, 'department', user.departmentId),
    now,
    calendar,
  );
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
