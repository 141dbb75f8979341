import { z } from 'zod';
import { DateInput, Status } from './domain';
import { listOf } from './directory';

/** True for the first day of a calendar quarter: targets are set per quarter. */
export const isQuarterStart = (date: string) => /^\d{4}-(01|04|07|10)-01$/.test(date);

/** The first day of the quarter after the one starting on `quarterStart`. */
export function nextQuarterStart(quarterStart: string): string {
  const year = Number(quarterStart.slice(0, 4));
  const month = Number(quarterStart.slice(5, 7)) + 3;
  return month > 12 ? `${year + 1}-01-01` : `${year}-${String(month).padStart(2, '0')}-01`;
}

/** "2026-10-01" → "Q4 2026". */
export const quarterLabel = (quarterStart: string) =>
  `Q${Math.floor((Number(quarterStart.slice(5, 7)) - 1) / 3) + 1} ${quarterStart.slice(0, 4)}`;

export const QuarterStart = DateInput.refine(isQuarterStart, {
  error: 'must be the first day of a quarter (YYYY-01-01, -04-01, -07-01 or -10-01)',
});

/** The strategic-share target for one quarter, as a fraction from 0 to 1. */
export const Target = z.object({ periodStart: z.string(), strategicShare: z.number() });
export type Target = z.infer<typeof Target>;
export const TargetList = listOf(Target);

export const TargetParams = z.object({ periodStart: QuarterStart });
/** The target as a share of logged hours: 0.4 is 40 %. */
export const StrategicShareTarget = z
  .number({ error: 'must be a share from 0 to 1 (0.4 is 40 %)' })
  .min(0, { error: 'must be at least 0 (a share from 0 to 1)' })
  .max(1, { error: 'must be at most 1 (a share from 0 to 1: 0.4 is 40 %)' });
export const PutTargetBody = z.strictObject({ strategicShare: StrategicShareTarget });
export type PutTargetBody = z.infer<typeof PutTargetBody>;

/**
 * A column's WIP limit: a whole number of cards from 1 to 999, or null for no limit. 0 is not
 * "no limit" and not "1": it is refused, so a limit is never stored that nobody chose.
 */
export const minWipLimit = 1;
export const maxWipLimit = 999;
export const WipLimit = z
  .number({ error: `must be a whole number from ${minWipLimit} to ${maxWipLimit}, or null for no limit` })
  .int({ error: 'must be a whole number' })
  .min(minWipLimit, { error: `must be at least ${minWipLimit}; leave it empty (null) for no limit` })
  .max(maxWipLimit, { error: `must be at most ${maxWipLimit}` })
  .nullable();

/** A board column's WIP limit; null means no limit. */
export const WorkflowColumn = z.object({ status: Status, wipLimit: z.number().int().nullable() });
export type WorkflowColumn = z.infer<typeof WorkflowColumn>;
export const WorkflowColumnList = listOf(WorkflowColumn);

export const WorkflowParams = z.object({ status: Status });
export const PutWipLimitBody = z.strictObject({ wipLimit: WipLimit });
export type PutWipLimitBody = z.infer<typeof PutWipLimitBody>;

let zones: Set<string> | undefined;
const zoneSet = () => (zones ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]));
/** The zones this runtime lists, plus UTC (which V8 accepts but does not list). */
export const knownTimeZones = (): string[] => [...zoneSet()];

/**
 * An IANA zone this runtime can use. Browsers and the server may ship different ICU versions,
 * so a newer name the server lists under its older alias (Europe/Kyiv for Europe/Kiev) is accepted
 * when the runtime resolves it to a listed zone; lower-case or abbreviated forms are not.
 */
export function isTimeZone(zone: string): boolean {
  const known = zoneSet();
  if (known.has(zone)) return true;
  if (!/^[A-Z][A-Za-z_-]*(\/[A-Z][A-Za-z0-9_+-]*)+$/.test(zone)) return false;
  try {
    return known.has(new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}

export const TimeZone = z.string().refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/Paris or UTC' });

export const CompanySettings = z.object({ timezone: z.string() });
export type CompanySettings = z.infer<typeof CompanySettings>;
export const PutCompanyBody = z.strictObject({ timezone: TimeZone });
export type PutCompanyBody = z.infer<typeof PutCompanyBody>;

/** The board view: when on, Insights leaves out per-person figures for everyone but leads (shown to a room, or the C-suite). */
export const BoardViewSettings = z.object({ boardView: z.boolean() });
export type BoardViewSettings = z.infer<typeof BoardViewSettings>;
export const PutBoardViewBody = z.strictObject({ boardView: z.boolean({ error: 'must be true or false' }) });
export type PutBoardViewBody = z.infer<typeof PutBoardViewBody>;
