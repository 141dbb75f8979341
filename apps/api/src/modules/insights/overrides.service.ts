import type { SessionUser } from '@altitude/shared/auth';
import type { OverrideGroup, Overrides } from '@altitude/shared/overrides';
import { requestKey } from '@altitude/shared/requests';
import type { Queryable } from '../../db/client';
import { hidesPeople } from '../settings/board-view';
import { overrideRows, overrideTotals, reclassifiedAfterStart, type OverrideRow, type OverrideTotal } from './overrides.queries';
import type { ReportPeriod } from './report-period';
import type { OverrideFacts } from './rules/overrides-rule';
import { shareOf, totalOf, type SplitMinutes } from './rules/report-maths';
import { labelsOf, splitTotal } from './time-split.queries';

/**
 * How far overrides move the share: each override's minutes count on the class it was given
 * instead of its type's default, so a tactical-type request made strategic adds its minutes to
 * the strategic side and a strategic-type one made tactical takes them away. The denominator
 * (all minutes logged in the period) does not change.
 */
export const shareEffectOf = (rows: readonly Pick<OverrideRow, 'classification' | 'minutes'>[], loggedMinutes: number): number =>
  shareOf(
    rows.reduce((s, r) => s + (r.classification === 'strategic' ? r.minutes : -r.minutes), 0),
    loggedMinutes,
  );

function groupBy(rows: OverrideRow[], keyOf: (r: OverrideRow) => number | null, labels: Map<string, string>, logged: number) {
  const groups = new Map<string, OverrideRow[]>();
  for (const r of rows) {
    const key = String(keyOf(r) ?? 'none');
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups]
    .map(([key, members]): OverrideGroup => ({
      key,
      label: labels.get(key) ?? (key === 'none' ? 'Unknown' : `#${key}`),
      count: members.length,
      minutes: members.reduce((s, r) => s + r.minutes, 0),
      shareEffect: shareEffectOf(members, logged),
    }))
    .sort((a, b) => Math.abs(b.shareEffect) - Math.abs(a.shareEffect) || b.minutes - a.minutes || a.key.localeCompare(b.key));
}

/** The overrides report; who classified is left out when the board view hides people from `user`. */
export function readOverrides(db: Queryable, period: ReportPeriod, user: Pick<SessionUser, 'role'>): Overrides {
  const rows = overrideRows(db, period);
  const split = splitTotal(db, period);
  const logged = totalOf(split);
  const strategicShare = shareOf(split.strategicMinutes, logged);
  const shareEffect = shareEffectOf(rows, logged);
  const hide = hidesPeople(db, user);
  const ids = (pick: (r: OverrideRow) => number | null) => [...new Set(rows.flatMap((r) => (pick(r) === null ? [] : [pick(r)!])))];
  const departmentNames = labelsOf(
    db,
    'department',
    ids((r) => r.departmentId),
  );
  return {
    from: period.from,
    to: period.to,
    items: rows.map((r) => ({ ...r, key: requestKey(r.requestId), classifiedById: hide ? null : r.classifiedById })),
    total: {
      count: rows.length,
      minutes: rows.reduce((s, r) => s + r.minutes, 0),
      shareEffect,
      strategicShare,
      // Clamped only against floating-point dust: the share at defaults is a real share of the same total.
      shareAtDefaults: Math.min(1, Math.max(0, strategicShare - shareEffect)),
      loggedMinutes: logged,
      reclassifiedAfterStart: reclassifiedAfterStart(db, period),
    },
    byDepartment: groupBy(rows, (r) => r.departmentId, departmentNames, logged),
    ...(hide
      ? {}
      : {
          byClassifier: groupBy(
            rows,
            (r) => r.classifiedById,
            labelsOf(
              db,
              'assignee',
              ids((r) => r.classifiedById),
            ),
            logged,
          ),
        }),
  };
}

/**
 * The overrides insight's facts: the report's figures from per-class totals of the same requests
 * (`overrideTotals`), over `split`, the period's minutes by class (the insights read has them already).
 */
export function overrideFacts(db: Queryable, period: ReportPeriod, split: SplitMinutes): OverrideFacts {
  const totals = overrideTotals(db, period);
  const logged = totalOf(split);
  const strategicShare = shareOf(split.strategicMinutes, logged);
  // Whole minutes summed per class: the same sum, and so the same share, as row by row.
  const shareEffect = shareEffectOf(totals, logged);
  const side = (c: OverrideTotal['classification']) => {
    const t = totals.find((x) => x.classification === c);
    return { count: t?.count ?? 0, minutes: t?.minutes ?? 0 };
  };
  return {
    toStrategic: side('strategic'),
    toTactical: side('tactical'),
    shareEffect,
    strategicShare,
    shareAtDefaults: Math.min(1, Math.max(0, strategicShare - shareEffect)),
  };
}
