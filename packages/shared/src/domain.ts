import { z } from 'zod';

/** Enumerations of the product brief; the lowercase words are part of the public API. */
export const roles = ['requester', 'marketer', 'lead'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const statuses = ['intake', 'planned', 'in_progress', 'in_review', 'done', 'declined'] as const;
export const Status = z.enum(statuses);
export type Status = z.infer<typeof Status>;

/**
 * The open/closed split of the workflow, written once. Open columns hold work not yet finished
 * (the board ships all their cards, reports age them, "overdue" applies); closed ones hold
 * finished work (delivered, declined, handed back or cancelled: `completedAt` is set).
 */
export const openStatuses = ['intake', 'planned', 'in_progress', 'in_review'] as const satisfies readonly Status[];
export const closedStatuses = ['done', 'declined'] as const satisfies readonly Status[];
export type OpenStatus = (typeof openStatuses)[number];
export type ClosedStatus = (typeof closedStatuses)[number];
export const isOpenStatus = (status: Status): status is OpenStatus => (openStatuses as readonly Status[]).includes(status);
export const isClosedStatus = (status: Status): status is ClosedStatus => (closedStatuses as readonly Status[]).includes(status);

export const classifications = ['strategic', 'tactical'] as const;
export const Classification = z.enum(classifications);
export type Classification = z.infer<typeof Classification>;

/**
 * A request's class as reports and board lanes count it. The rule, written once here (in
 * TypeScript and as SQL): a classification counts only once a marketer has confirmed it; a
 * request whose class is null or still the type's suggestion is "unclassified".
 */
export const reportClasses = ['strategic', 'tactical', 'unclassified'] as const;
export const ReportClass = z.enum(reportClasses);
export type ReportClass = z.infer<typeof ReportClass>;
/** A count per report class (deliveries, throughput). */
export type ClassCounts = Record<ReportClass, number>;

export function reportClassOf(request: { classification: Classification | null; classificationSuggested: boolean }): ReportClass {
  return request.classificationSuggested || request.classification === null ? 'unclassified' : request.classification;
}

/**
 * The same rule as an SQL expression over the `requests` columns, `prefix` naming the row
 * (`""`, `"requests".`, `old.`, `new.`). The flow indexes (schema.ts), the report queries and
 * the rollup view and triggers of drizzle/0004 are written with exactly this text, so SQLite
 * matches the indexes; a test holds the migration to it.
 */
export const reportClassSql = (prefix = ''): string =>
  `(case when ${prefix}classification_suggested = 0 and ${prefix}classification = 'strategic' then 'strategic' when ${prefix}classification_suggested = 0 and ${prefix}classification = 'tactical' then 'tactical' else 'unclassified' end)`;

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = z.enum(priorities);
export type Priority = z.infer<typeof Priority>;

/** `cancelled` is added to the brief's three: a requester withdrawing their own request from intake. */
export const resolutions = ['delivered', 'declined', 'handed_back', 'cancelled'] as const;
export const Resolution = z.enum(resolutions);
export type Resolution = z.infer<typeof Resolution>;

/** Who may reach a route; every route declares one and the server enforces it. */
export const accessLevels = ['anonymous', 'signedIn', 'marketer', 'insights', 'lead'] as const;
export type Access = (typeof accessLevels)[number];

const rank: Record<Role, number> = { requester: 1, marketer: 2, lead: 3 };

/** True when a signed-in user of `role` meets `access`. */
export function roleMeets(role: Role, access: Access): boolean {
  switch (access) {
    case 'anonymous':
    case 'signedIn':
      return true;
    case 'marketer':
      return rank[role] >= rank.marketer;
    case 'insights':
    case 'lead':
      return rank[role] >= rank.lead;
  }
}

/**
 * True when a signed-in user meets `access`. "Insights readers" are leads and anyone a lead
 * granted Insights to (`canViewInsights`): read-only, so `insights` never guards a write.
 */
export function userMeets(user: { role: Role; canViewInsights: boolean }, access: Access): boolean {
  if (access === 'insights' && user.canViewInsights) return true;
  return roleMeets(user.role, access);
}

/** A calendar date as the API answers it: any YYYY-MM-DD (a previous period may start before `minDate`). */
export const IsoDate = z.iso.date({ error: 'must be a calendar date YYYY-MM-DD' });

/**
 * The one range of calendar dates the API accepts, in every query, path and body. Keeping inputs
 * inside a century keeps every date the server derives from them (previous periods, week starts,
 * quarter ends) a plain four-digit YYYY-MM-DD, so calendar arithmetic never leaves its domain.
 */
export const minDate = '2000-01-01';
export const maxDate = '2099-12-31';
const dateRangeMessage = `must be a date between ${minDate} and ${maxDate}`;
/** True for a YYYY-MM-DD date inside [minDate, maxDate]; four-digit years compare as strings. */
export const isAcceptedDate = (date: string): boolean => date >= minDate && date <= maxDate;

/**
 * A calendar date the API accepts as input: a real date (2026-02-30 is not) inside the range.
 * `abort` stops at the first failed check, so a malformed date gets one message, not two.
 */
export const DateInput = z.iso
  .date({ error: 'must be a calendar date YYYY-MM-DD', abort: true })
  .refine(isAcceptedDate, { error: dateRangeMessage, abort: true })
  .describe(`A calendar date YYYY-MM-DD from ${minDate} to ${maxDate}`);

/**
 * A path id: plain decimal digits without sign, leading zero, spaces or exponent, as the API
 * writes ids (`z.coerce.number` read `0x10`, `1e3` and ` 12` as numbers). Safe integers only.
 */
export const Id = z
  .string()
  .regex(/^[1-9][0-9]*$/, { error: 'must be a positive whole number written in plain digits, such as 42', abort: true })
  .transform(Number)
  .refine(Number.isSafeInteger, { error: `must be at most ${Number.MAX_SAFE_INTEGER}` });
