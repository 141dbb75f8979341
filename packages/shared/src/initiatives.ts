import { z } from 'zod';
import { Quarter } from './quarter';
import { longText, singleLine } from './text';

/** A strategic initiative: what strategic requests serve, per quarter. */
export const Initiative = z.object({
  id: z.number().int(),
  name: z.string(),
  ownerId: z.number().int(),
  quarter: Quarter,
  goal: z.string(),
  archived: z.boolean(),
});
export type Initiative = z.infer<typeof Initiative>;
export const InitiativeList = z.object({ items: z.array(Initiative) });
export type InitiativeList = z.infer<typeof InitiativeList>;

export const CreateInitiativeBody = z.strictObject({
  name: singleLine(120),
  ownerId: z.number({ error: 'choose an owner' }).int().positive({ error: 'choose an owner' }),
  quarter: Quarter,
  /** One line: what the initiative is for. */
  goal: longText(300).optional(),
});
export type CreateInitiativeBody = z.infer<typeof CreateInitiativeBody>;

export const UpdateInitiativeBody = CreateInitiativeBody.partial().extend({ archived: z.boolean().optional() }).strict();
export type UpdateInitiativeBody = z.infer<typeof UpdateInitiativeBody>;

/** `GET /api/initiatives` filters; both optional (all quarters, archived ones included). */
export const InitiativeListQuery = z.object({
  quarter: Quarter.optional(),
  archived: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
});
export type InitiativeListQuery = z.infer<typeof InitiativeListQuery>;

const minutes = z.number().int();

/** One initiative's row in the initiatives report. */
export const InitiativeReportRow = z.object({
  initiativeId: z.number().int(),
  name: z.string(),
  ownerId: z.number().int(),
  quarter: Quarter,
  /** Minutes logged in the period on its requests while they count as strategic. */
  strategicMinutes: minutes,
  /** All minutes logged in the period on its requests. */
  minutes,
  /** Its requests delivered (done) in the period. */
  delivered: z.number().int(),
  /** Its requests open now. */
  open: z.number().int(),
});
export type InitiativeReportRow = z.infer<typeof InitiativeReportRow>;

/**
 * `GET /api/reports/initiatives`: every initiative with time, deliveries or open work (and every
 * one of a quarter the period touches), plus the strategic time no initiative claims.
 */
export const InitiativesReport = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(InitiativeReportRow),
  /** Strategic minutes logged in the period on requests linked to no initiative, and how many such requests. */
  unlinked: z.object({ strategicMinutes: minutes, requests: z.number().int() }),
});
export type InitiativesReport = z.infer<typeof InitiativesReport>;
