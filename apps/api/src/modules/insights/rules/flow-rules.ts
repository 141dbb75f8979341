import { changeOf, count, days, fractionInWords } from './insight-format';
import type { InsightDraft, InsightRule } from './facts';
import { compareCount } from './comparison';
import { clamp, sum } from './report-maths';

/**
 * The insight rules about requests rather than logged time: how long delivery took against the
 * typical turnaround, how many were delivered, and how many came in. Kept apart from
 * insight-rules.ts (the time-split rules) only to keep each file short; that file lists them all.
 */

/** The type whose delivered work runs furthest past its typical turnaround. */
export const cycleTimeVsTurnaround: InsightRule = {
  id: 'cycle-time-vs-turnaround',
  apply: ({ cycleTimeByType }): InsightDraft | null => {
    const judged = cycleTimeByType.filter((t) => t.count >= 3 && t.medianDays !== null && t.turnaroundDays > 0);
    if (judged.length === 0) return null;
    const ratio = (t: (typeof judged)[number]) => t.medianDays! / t.turnaroundDays;
    const worst = [...judged].sort((a, b) => ratio(b) - ratio(a))[0]!;
    if (ratio(worst) < 1.2) {
      const delivered = sum(judged.map((t) => t.count));
      return {
        importance: 15,
        text: `Delivery kept to typical turnaround: the median cycle time of each of the ${count(judged.length, 'type')} with three or more deliveries (${count(delivered, 'request')}) was within 20 % of it.`,
        figures: { types: judged.length, delivered, worstTypeId: worst.typeId, worstRatio: ratio(worst) },
        section: 'flow',
      };
    }
    const p85 = worst.p85Days === null ? '' : `85th percentile ${days(worst.p85Days)}, `;
    return {
      importance: clamp(35 + 35 * (ratio(worst) - 1), 35, 70),
      text: `${worst.typeName} requests took a median ${days(worst.medianDays!)} from start to delivery against a ${worst.turnaroundDays}-day typical turnaround (${p85}${worst.count} delivered).`,
      figures: {
        typeId: worst.typeId,
        medianDays: worst.medianDays,
        p85Days: worst.p85Days,
        turnaroundDays: worst.turnaroundDays,
        delivered: worst.count,
      },
      section: 'flow',
    };
  },
};

/** Deliveries against the comparison period; only a relative change on a covered, big enough base is worth a sentence. */
export const throughputChange: InsightRule = {
  id: 'throughput-change',
  apply: ({ delivered, covered }) => {
    const now = delivered.current.strategic + delivered.current.tactical + delivered.current.unclassified;
    const before = delivered.previous.strategic + delivered.previous.tactical + delivered.previous.unclassified;
    const told = compareCount('requests', now, before, covered.requests);
    const change = told.relative;
    if (change === null || Math.abs(change) < 0.15) return null;
    return {
      importance: clamp(30 + 60 * Math.abs(change), 30, 60),
      text: `Delivered requests ${changeOf(told, String)}; ${delivered.current.tactical} of the ${now} were tactical.`,
      figures: {
        delivered: now,
        previousDelivered: before,
        change,
        tactical: delivered.current.tactical,
        strategic: delivered.current.strategic,
      },
      section: 'flow',
    };
  },
};

/** Demand against the comparison period, and the department behind most of the change (same conditions as deliveries). */
export const demandChange: InsightRule = {
  id: 'demand-change',
  apply: ({ receivedByDepartment, covered }) => {
    const now = sum(receivedByDepartment.map((d) => d.current));
    const before = sum(receivedByDepartment.map((d) => d.previous));
    const told = compareCount('requests', now, before, covered.requests);
    const change = told.relative;
    if (change === null || Math.abs(change) < 0.15) return null;
    const delta = now - before;
    const driver = [...receivedByDepartment].sort((a, b) => Math.sign(delta) * (b.current - b.previous - (a.current - a.previous)))[0]!;
    const driverDelta = driver.current - driver.previous;
    const part =
      Math.sign(driverDelta) === Math.sign(delta) && driverDelta / delta >= 0.25
        ? `; ${driver.departmentName} accounts for ${fractionInWords(Math.min(1, driverDelta / delta))} of the ${delta > 0 ? 'rise' : 'fall'} (${driver.previous} to ${driver.current})`
        : '';
    return {
      importance: clamp(30 + 50 * Math.abs(change), 30, 55),
      text: `Requests received ${changeOf(told, String)}${part}.`,
      figures: {
        received: now,
        previousReceived: before,
        change,
        driverDepartmentId: driver.departmentId,
        driverReceived: driver.current,
        driverPreviousReceived: driver.previous,
      },
      section: 'showback',
    };
  },
};
