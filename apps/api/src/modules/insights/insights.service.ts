import { buildInsights } from './rules/build-insights';
import type { InsightFacts } from './rules/facts';
import { emptySplit, splitOf } from './rules/report-maths';
import { comparisonPeriod } from './rules/period';
import type { InsightList } from '@altitude/shared/insights';
import type { Queryable } from '../../db/client';
import { departments, requestTypes } from '../../db/schema';
import { earlierData } from './earlier-data.queries';
import { cycleTimeStats, deliveredByClass } from './flow.queries';
import { readHandBack } from './hand-back.queries';
import { overrideFacts } from './overrides.service';
import { receivedByDepartment } from './headline.queries';
import { boundsOf, type ReportPeriod } from './report-period';
import { readTarget } from './targets.queries';
import { labelsOf, splitRows, sumSplits } from './time-split.queries';
import { readCoverage } from '../working-time/working-time.service';
import { duplicatesAvoided, rushesAndRounds } from './service-levels.queries';
import { onTimeByGroup } from './service-levels.service';
import { overridesByDepartment } from '../capacity/reserve-overrides.queries';
import { readForecast } from './forecast.service';

/**
 * Gathers the facts the insight rules read: grouped queries over the rollups and indexes, no row-by-row loading.
 * With `hidePeople` (the board view, for anyone but a lead) the facts hold no per-person figures, so
 * no rule can name a marketer.
 */
export function gatherInsightFacts(db: Queryable, period: ReportPeriod, hidePeople = false, at = new Date()): InsightFacts {
  const before = boundsOf(comparisonPeriod(period), period.timeZone);
  const departmentNames = new Map(
    db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .all()
      .map((d) => [d.id, d.name]),
  );
  const types = db.select().from(requestTypes).all();
  const typeNames = new Map(types.map((t) => [t.id, t.name]));

  const pairs = new Map<string, InsightFacts['byDepartmentType'][number]>();
  const pairOf = (keys: string[]) => {
    const id = keys.join(':');
    let pair = pairs.get(id);
    if (!pair) {
      const [departmentId, typeId] = keys.map(Number) as [number, number];
      pair = {
        departmentId,
        departmentName: departmentNames.get(departmentId) ?? `#${departmentId}`,
        typeId,
        typeName: typeNames.get(typeId) ?? `#${typeId}`,
        current: emptySplit(),
        previous: emptySplit(),
      };
      pairs.set(id, pair);
    }
    return pair;
  };
  const now = splitRows(db, period, ['department', 'type']);
  const then = splitRows(db, before, ['department', 'type']);
  for (const row of now) pairOf(row.keys).current = splitOf(row);
  for (const row of then) pairOf(row.keys).previous = splitOf(row);

  // Every entry is in exactly one department and type, so these are the period's totals.
  const currentTotal = sumSplits(now);
  const marketers = hidePeople ? [] : splitRows(db, period, ['assignee']);
  const names = labelsOf(
    db,
    'assignee',
    marketers.map((m) => Number(m.keys[0])),
  );
  const cycle = cycleTimeStats(db, period, 'type');
  const receivedNow = receivedByDepartment(db, period);
  const receivedBefore = receivedByDepartment(db, before);
  const extras = rushesAndRounds(db, period);

  return {
    period: { from: period.from, to: period.to },
    previousPeriod: { from: before.from, to: before.to },
    covered: earlierData(db, before),
    target: readTarget(db, period),
    current: splitOf(currentTotal),
    previous: splitOf(sumSplits(then)),
    byDepartmentType: [...pairs.values()],
    byMarketer: marketers.map((m) => ({ userId: Number(m.keys[0]), name: names.get(m.keys[0]!) ?? `#${m.keys[0]}`, minutes: splitOf(m) })),
    cycleTimeByType: types.flatMap((t) => {
      const stats = cycle.get(String(t.id));
      return stats ? [{ typeId: t.id, typeName: t.name, turnaroundDays: t.turnaroundDays, ...stats }] : [];
    }),
    delivered: { current: deliveredByClass(db, period), previous: deliveredByClass(db, before) },
    receivedByDepartment: [...new Set([...receivedNow.keys(), ...receivedBefore.keys()])].map((id) => ({
      departmentId: id,
      departmentName: departmentNames.get(id) ?? `#${id}`,
      current: receivedNow.get(id) ?? 0,
      previous: receivedBefore.get(id) ?? 0,
    })),
    handBack: readHandBack(db, period).items,
    coverage: readCoverage(db, period, hidePeople),
    overrides: overrideFacts(db, period, currentTotal),
    serviceLevels: {
      // Only what the rules read: filings per department (no calendar; filed is the received count), deliveries per type.
      byDepartment: [...receivedNow].map(([id, filed]) => ({
        departmentId: id,
        departmentName: departmentNames.get(id) ?? `#${id}`,
        filed,
        rushes: extras.get(id)?.rushes ?? 0,
        rounds: extras.get(id)?.rounds ?? 0,
      })),
      byType: [...onTimeByGroup(db, period, 'type', at)].map(([id, t]) => ({
        typeId: id!,
        typeName: typeNames.get(id!) ?? `#${id}`,
        delivered: t.delivered,
        onTime: t.onTime,
      })),
      duplicatesAvoided: duplicatesAvoided(db, period),
    },
    reserveOverrides: overridesByDepartment(db, period.startAt, period.endAt).map((d) => ({
      departmentId: d.departmentId,
      departmentName: d.label,
      count: d.count,
      reserveMinutes: d.reserveMinutes,
    })),
    forecast: readForecast(db, at),
  };
}

/** `hidePeople`: the board view, for everyone but leads; no sentence then names a person. */
export function readInsights(db: Queryable, period: ReportPeriod, hidePeople = false, now = new Date()): InsightList {
  return { from: period.from, to: period.to, items: buildInsights(gatherInsightFacts(db, period, hidePeople, now)) };
}
