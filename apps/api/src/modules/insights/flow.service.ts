import { reportClasses } from '@altitude/shared/domain';
import type { Flow } from '@altitude/shared/insights';
import type { Queryable } from '../../db/client';
import { requestTypes } from '../../db/schema';
import { readAgeingWip } from './ageing-wip.queries';
import { cycleTimeStats, noCycleTime, startedByClass, throughputByWeek } from './flow.queries';
import type { ReportPeriod } from './report-period';

/**
 * Cycle time by class and by type (every type, against its turnaround), weekly throughput, ageing work in progress.
 * `hidePeople` (the board view, for anyone but a lead) leaves out who each ageing card is assigned to.
 */
export function readFlow(db: Queryable, period: ReportPeriod, now: Date, hidePeople: boolean): Flow {
  const started = startedByClass(db, period);
  const overall = cycleTimeStats(db, period, 'all', started).get('all') ?? noCycleTime;
  const byClass = cycleTimeStats(db, period, 'class', started);
  const byType = cycleTimeStats(db, period, 'type');
  const types = db.select().from(requestTypes).orderBy(requestTypes.name).all();
  return {
    from: period.from,
    to: period.to,
    cycleTime: {
      overall,
      byClass: reportClasses.map((classification) => ({ classification, ...(byClass.get(classification) ?? noCycleTime) })),
      byType: types.map((t) => ({
        typeId: t.id,
        typeName: t.name,
        defaultClassification: t.defaultClassification,
        turnaroundDays: t.turnaroundDays,
        ...(byType.get(String(t.id)) ?? noCycleTime),
      })),
    },
    throughput: throughputByWeek(db, period).map(({ week, counts }) => ({
      week,
      ...counts,
      total: counts.strategic + counts.tactical + counts.unclassified,
    })),
    ageingWip: hidePeople
      ? readAgeingWip(db, now).map((column) => ({
          ...column,
          items: column.items.map((card) => ({ ...card, assigneeId: null, assigneeName: null })),
        }))
      : readAgeingWip(db, now),
  };
}
