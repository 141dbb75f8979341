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
