import { z } from 'zod';
import { Quarter } from './quarter';

/** `GET /api/reports/forecast?quarter=YYYY-Qn` (the current quarter when left out). */
export const ForecastQuery = z.strictObject({ quarter: Quarter.optional() });
export type ForecastQuery = z.infer<typeof ForecastQuery>;

/**
 * Where the quarter's strategic share is heading. Shares are 0..1 and null without any logged
 * or projected time; `neededStrategicMinutesPerWeek` is what closes the gap to the target over
 * the weeks left (0 when the projection already meets it), `neededTacticalMinutesHandedBack` the
 * other way to close it: tactical time handed back instead.
 */
export const Forecast = z.object({
  quarter: Quarter,
  target: z.number().nullable(),
  shareSoFar: z.number().nullable(),
  projectedShare: z.number().nullable(),
  projectedLow: z.number().nullable(),
  projectedHigh: z.number().nullable(),
  neededStrategicMinutesPerWeek: z.number().int(),
  neededTacticalMinutesHandedBack: z.number().int(),
  weeksLeft: z.number(),
});
export type Forecast = z.infer<typeof Forecast>;
