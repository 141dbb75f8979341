import { count, fractionInWords, hours } from './insight-format';
import type { InsightRule } from './facts';
import { clamp } from './report-maths';

/** Fewer overrides than this are anecdotes, not a pattern worth a sentence. */
export const minReserveOverrides = 3;

/**
 * One department behind most reserve overrides (more than half of them): its tactical asks are
 * what keeps eating marketing's strategic time, which is a conversation to have with it.
 */
export const reserveOverridesByDepartment: InsightRule = {
  id: 'reserve-overrides-department',
  apply: ({ reserveOverrides }) => {
    if (!reserveOverrides?.length) return null;
    const total = reserveOverrides.reduce((s, d) => s + d.count, 0);
    const totalMinutes = reserveOverrides.reduce((s, d) => s + d.reserveMinutes, 0);
    const top = [...reserveOverrides].sort((a, b) => b.count - a.count || b.reserveMinutes - a.reserveMinutes)[0]!;
    if (total < minReserveOverrides || top.count * 2 <= total) return null;
    const share = top.count / total;
    return {
      importance: clamp(40 + 40 * share + top.reserveMinutes / 60, 40, 85),
      text:
        `${top.departmentName} caused ${share === 1 ? 'all' : fractionInWords(share)} of the reserve overrides (${top.count} of ${count(total, 'override')}): ` +
        `${hours(top.reserveMinutes)} of strategic reserve given to its tactical work.`,
      figures: {
        departmentId: top.departmentId,
        count: top.count,
        totalCount: total,
        reserveMinutes: top.reserveMinutes,
        totalReserveMinutes: totalMinutes,
      },
      section: 'reserve-overrides',
    };
  },
};
