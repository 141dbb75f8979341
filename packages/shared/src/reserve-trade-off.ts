import { z } from 'zod';
import { freeMinutes, reserveTakenMinutes, type CapacityWeek } from './capacity';
import { Classification, Id, IsoDate } from './domain';
import { formatDuration } from './duration';

/**
 * The trade-off at triage: what assigning a (tactical) request does to a person's weeks. The API
 * computes their capacity weeks without the request and with it; this compares the two.
 */

/** `GET /api/requests/:id/trade-off?assigneeId=&classification=`: both default to the request's own. */
export const TradeOffQuery = z.strictObject({
  assigneeId: Id.optional(),
  classification: Classification.optional(),
});
export type TradeOffQuery = z.infer<typeof TradeOffQuery>;

export const TradeOffWeek = z.object({
  /** The week's Monday. */
  week: IsoDate,
  /** Minutes of the request that fall in the week. */
  addedMinutes: z.number().int(),
  /** Minutes of the strategic reserve the request takes in the week. */
  reserveTakenMinutes: z.number().int(),
});
export type TradeOffWeek = z.infer<typeof TradeOffWeek>;

export const TradeOffAlternative = z.object({
  userId: z.number().int(),
  name: z.string(),
  /** Their free minutes over the weeks the request falls in, before taking it. */
  freeMinutes: z.number().int(),
});
export type TradeOffAlternative = z.infer<typeof TradeOffAlternative>;

export const TradeOff = z.object({
  assigneeId: z.number().int().nullable(),
  classification: Classification.nullable(),
  addedMinutes: z.number().int(),
  reserveTakenMinutes: z.number().int(),
  weeks: z.array(TradeOffWeek),
  /** "6h of tactical work in the week of 14 Dec takes 2h of Max Ortega's strategic reserve"; null when none is taken. */
  message: z.string().nullable(),
  /** Up to three people who can take all of it without touching their reserve, most free first. */
  alternatives: z.array(TradeOffAlternative),
  /** The earliest planned-for date (within 12 weeks) at which the assignee takes it without reserve. */
  laterDate: IsoDate.nullable(),
});
export type TradeOff = z.infer<typeof TradeOff>;

/** `POST /api/requests/:id/reserve-overrides`: "Accept anyway" for this assignee. */
export const ReserveOverrideBody = z.strictObject({
  assigneeId: z.number({ error: 'must be the id of the person assigned' }).int().positive(),
});
export type ReserveOverrideBody = z.infer<typeof ReserveOverrideBody>;

export const ReserveOverride = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  acceptedById: z.number().int(),
  assigneeId: z.number().int(),
  reserveMinutes: z.number().int(),
  createdAt: z.string(),
});
export type ReserveOverride = z.infer<typeof ReserveOverride>;

export const ReserveOverrideGroup = z.object({
  departmentId: z.number().int(),
  label: z.string(),
  count: z.number().int(),
  reserveMinutes: z.number().int(),
});

/** `GET /api/reports/reserve-overrides?from=&to=`: overrides accepted in the period, by requesting department. */
export const ReserveOverridesReport = z.object({
  from: IsoDate,
  to: IsoDate,
  items: z.array(ReserveOverrideGroup),
  total: z.object({ count: z.number().int(), reserveMinutes: z.number().int() }),
});
export type ReserveOverridesReport = z.infer<typeof ReserveOverridesReport>;

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2026-12-14" → "14 Dec" (the weeks in a trade-off are weeks ahead: the year goes without saying). */
export const dayAndMonth = (date: string): string => `${Number(date.slice(8, 10))} ${months[Number(date.slice(5, 7)) - 1]}`;

const committed = (w: CapacityWeek) => w.committedStrategicMinutes + w.committedTacticalMinutes + w.committedUnclassifiedMinutes;

/**
 * Per week (same Mondays, same order in both lists): the minutes the request adds and the reserve
 * it takes, i.e. how much more of the reserve non-strategic work eats with it than without it.
 * Only weeks it touches are listed.
 */
export function tradeOffWeeks(without: readonly CapacityWeek[], withIt: readonly CapacityWeek[]): TradeOffWeek[] {
  return withIt.flatMap((w, i) => {
    const before = without[i]!;
    const addedMinutes = committed(w) - committed(before);
    const taken = Math.max(0, reserveTakenMinutes(w) - reserveTakenMinutes(before));
    return addedMinutes > 0 || taken > 0 ? [{ week: w.week, addedMinutes, reserveTakenMinutes: taken }] : [];
  });
}

/**
 * The sentence the drawer shows, or null when no reserve is taken. Several weeks: the heaviest
 * (most reserve taken; the earliest of equals) is named, the others counted, with the total.
 */
export function tradeOffMessage(name: string, weeks: readonly TradeOffWeek[]): string | null {
  const taking = weeks.filter((w) => w.reserveTakenMinutes > 0);
  if (taking.length === 0) return null;
  const heaviest = taking.reduce((a, b) => (b.reserveTakenMinutes > a.reserveTakenMinutes ? b : a));
  const sentence =
    `${formatDuration(heaviest.addedMinutes)} of tactical work in the week of ${dayAndMonth(heaviest.week)} ` +
    `takes ${formatDuration(heaviest.reserveTakenMinutes)} of ${name}'s strategic reserve`;
  const others = taking.length - 1;
  if (others === 0) return sentence;
  const total = taking.reduce((s, w) => s + w.reserveTakenMinutes, 0);
  return `${sentence} (+ ${others} more week${others === 1 ? '' : 's'}, ${formatDuration(total)} in all)`;
}

/** The whole trade-off for one person: weeks touched, totals and the sentence. */
export function reserveTradeOff(name: string, without: readonly CapacityWeek[], withIt: readonly CapacityWeek[]) {
  const weeks = tradeOffWeeks(without, withIt);
  return {
    weeks,
    addedMinutes: weeks.reduce((s, w) => s + w.addedMinutes, 0),
    reserveTakenMinutes: weeks.reduce((s, w) => s + w.reserveTakenMinutes, 0),
    message: tradeOffMessage(name, weeks),
  };
}

/**
 * Whether a person takes the request without touching their reserve: in every week it adds to,
 * they still have free time (not negative) with it, so nothing spills into the reserve or beyond.
 */
export function takesWithoutReserve(without: readonly CapacityWeek[], withIt: readonly CapacityWeek[]): boolean {
  return withIt.every((w, i) => committed(w) === committed(without[i]!) || freeMinutes(w) >= 0);
}

/** Free minutes (never below 0 per week) over the weeks where the request would fall. */
export function freeInWeeks(without: readonly CapacityWeek[], withIt: readonly CapacityWeek[]): number {
  return withIt.reduce((s, w, i) => (committed(w) === committed(without[i]!) ? s : s + Math.max(0, freeMinutes(without[i]!))), 0);
}
