import { z } from 'zod';
import { DateInput, IsoDate } from './domain';

/**
 * Capacity: each marketer's next weeks as minutes. `availableMinutes` is their working time in the
 * week (working-time.ts: weekly minutes over Monday–Friday minus holidays); `reserveMinutes` the
 * strategic reserve kept in it; committed minutes are the remaining estimates of their assigned
 * open requests, spread over the working days until each one's planned or needed-by date.
 */
export const maxCapacityWeeks = 26;

/** `GET /api/capacity?from=YYYY-MM-DD&weeks=6`: `from` is moved back to its Monday. */
export const CapacityQuery = z.strictObject({
  from: DateInput.optional(),
  weeks: z.coerce
    .number({ error: `must be a whole number of weeks from 1 to ${maxCapacityWeeks}` })
    .int({ error: 'must be a whole number of weeks' })
    .min(1, { error: 'must be at least 1 week' })
    .max(maxCapacityWeeks, { error: `must be at most ${maxCapacityWeeks} weeks` })
    .default(6),
});
export type CapacityQuery = z.infer<typeof CapacityQuery>;

export const CapacityWeek = z.object({
  /** The week's Monday. */
  week: IsoDate,
  availableMinutes: z.number().int(),
  reserveMinutes: z.number().int(),
  committedStrategicMinutes: z.number().int(),
  committedTacticalMinutes: z.number().int(),
  /** Assigned work nobody has classified yet: neither strategic nor tactical, still committed. */
  committedUnclassifiedMinutes: z.number().int(),
});
export type CapacityWeek = z.infer<typeof CapacityWeek>;

export const CapacityPerson = z.object({
  userId: z.number().int(),
  name: z.string(),
  /** Assigned open requests with no estimate: committed, but counted as nothing. */
  unestimatedCount: z.number().int(),
  weeks: z.array(CapacityWeek),
});
export type CapacityPerson = z.infer<typeof CapacityPerson>;

export const Capacity = z.object({
  /** The Mondays of the weeks shown, in order. */
  weeks: z.array(IsoDate),
  people: z.array(CapacityPerson),
});
export type Capacity = z.infer<typeof Capacity>;
