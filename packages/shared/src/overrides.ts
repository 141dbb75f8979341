import { z } from 'zod';
import { Classification, IsoDate } from './domain';

/**
 * The overrides report (`GET /api/reports/overrides`): requests whose confirmed class differs
 * from their type's default and that had time logged in the period, and how far they move the
 * strategic share. Kept apart from `insights.ts` so the report's contract reads in one place.
 */

const minutes = z.number().int();
/** Signed, on the 0..1 scale: +0.05 = the overrides lift the share by 5 points. */
const shareEffect = z.number().min(-1).max(1);

export const OverrideItem = z.object({
  requestId: z.number().int(),
  key: z.string(),
  title: z.string(),
  typeId: z.number().int(),
  departmentId: z.number().int(),
  defaultClassification: Classification,
  classification: Classification,
  /** Minutes logged on the request inside the period. */
  minutes,
  /** Who confirmed the class; null in the board view for anyone but leads. */
  classifiedById: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type OverrideItem = z.infer<typeof OverrideItem>;

export const OverrideGroup = z.object({
  /** The department's or classifier's id, as a string. */
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  minutes,
  shareEffect,
});
export type OverrideGroup = z.infer<typeof OverrideGroup>;

export const Overrides = z.object({
  from: IsoDate,
  to: IsoDate,
  items: z.array(OverrideItem),
  total: z.object({
    count: z.number().int(),
    minutes,
    /** Share as reported − share had every override kept its type's default. */
    shareEffect,
    /** The share as reported, and as it would be without the overrides (0..1). */
    strategicShare: z.number().min(0).max(1),
    shareAtDefaults: z.number().min(0).max(1),
    /** All minutes logged in the period, the share's denominator. */
    loggedMinutes: minutes,
    /** Times a confirmed class was changed in the period after work on the request had started. */
    reclassifiedAfterStart: z.number().int(),
  }),
  /** By requesting department, largest effect first. */
  byDepartment: z.array(OverrideGroup),
  /** By who confirmed the class; left out in the board view for anyone but leads. */
  byClassifier: z.array(OverrideGroup).optional(),
});
export type Overrides = z.infer<typeof Overrides>;
