import { z } from 'zod';
import { longText, singleLine } from './text';

/**
 * A self-serve kit on a request type: a link and short instructions a lead publishes so
 * requesters can do the work themselves ("Event banners for Sales are self-serve now").
 * `departmentIds` empty means every department is offered it.
 */
export const SelfServeKit = z.object({
  url: z.string(),
  instructions: z.string(),
  departmentIds: z.array(z.number().int()),
});
export type SelfServeKit = z.infer<typeof SelfServeKit>;

/** Only http(s) links: a kit is opened by requesters, so `javascript:` and friends never pass. */
export const KitUrl = z
  .url({ protocol: /^https?$/, error: 'must be a web link starting with https:// or http://' })
  .max(2000, { error: 'must be at most 2000 characters' });

/** The kit as a lead writes it (`PATCH /api/request-types/:id` `{selfServeKit}`; null removes it). */
export const SelfServeKitInput = z.strictObject({
  url: KitUrl,
  instructions: longText(1000),
  departmentIds: z.array(z.number().int().positive()).max(200).default([]),
});
export type SelfServeKitInput = z.infer<typeof SelfServeKitInput>;

/**
 * The kit as the request-type routes take it: the shape is checked here (400), but the link is
 * only bounded text, so a link that is not http(s) is a 422 naming `selfServeKit.url` from the
 * service, like the department ids it checks against the directory (`SelfServeKitInput` holds
 * the full rule for forms).
 */
export const SelfServeKitBody = SelfServeKitInput.extend({ url: z.string().max(2000, { error: 'must be at most 2000 characters' }) });
export type SelfServeKitBody = z.infer<typeof SelfServeKitBody>;

/** Whether a kit is offered to someone of `departmentId`. */
export const kitOffered = (kit: SelfServeKit | null, departmentId: number): boolean =>
  kit !== null && (kit.departmentIds.length === 0 || kit.departmentIds.includes(departmentId));

export const kitOutcomes = ['used', 'filed'] as const;
export const KitOutcome = z.enum(kitOutcomes);
export type KitOutcome = z.infer<typeof KitOutcome>;

/**
 * `POST /api/request-types/:id/kit-outcomes`: the requester used the kit (a request avoided), or
 * filed anyway with a reason (the filing itself carries `kitReason` on `POST /api/requests`).
 */
export const KitOutcomeBody = z.strictObject({ outcome: z.literal('used') });
export type KitOutcomeBody = z.infer<typeof KitOutcomeBody>;
export const kitReason = singleLine(300);

/** A recorded outcome (`POST /api/request-types/:id/kit-outcomes` answers it, 201). */
export const KitOutcomeRecord = z.object({
  id: z.number().int(),
  typeId: z.number().int(),
  outcome: KitOutcome,
  createdAt: z.string(),
});
export type KitOutcomeRecord = z.infer<typeof KitOutcomeRecord>;
