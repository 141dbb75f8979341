import { z } from 'zod';
import { type BusinessCalendar, businessDayEndMinute } from './business-time';
import { dayNumber } from './calendar';
import { DateInput, IsoDate, isClosedStatus, Status } from './domain';
import { longText } from './text';

/**
 * Service-level states. Open requests are `on_track`, `at_risk` (three quarters of their business
 * time used), `breached` (past it) or `paused` (waiting on the requester); closed ones `met` or
 * `missed`, judged at the moment they closed.
 */
export const slaStates = ['on_track', 'at_risk', 'breached', 'paused', 'met', 'missed'] as const;
export const SlaState = z.enum(slaStates);
export type SlaState = z.infer<typeof SlaState>;
export const openSlaStates = ['on_track', 'at_risk', 'breached', 'paused'] as const satisfies readonly SlaState[];

/** Share of the business time after which an open request is `at_risk`. */
export const atRiskShare = 0.75;

export const WaitingOn = z.enum(['requester']).nullable();

/** What the clock needs from a request. */
export interface SlaClock {
  createdAt: string;
  expectedBy: string | null;
  /** Business minutes spent paused in earlier, finished pauses (needs-info rounds, time closed before a reopen). */
  pausedMinutes: number;
  /** The start of the pause in progress, if any. */
  pausedSince: string | null;
  status: Status;
  completedAt: string | null;
}

/** Business minutes a request may use: from filing to 17:00 on its expected-by date. */
export function slaBudgetMinutes(r: Pick<SlaClock, 'createdAt' | 'expectedBy'>, calendar: BusinessCalendar): number | null {
  if (!r.expectedBy) return null;
  return calendar.minutesBetweenWall(calendar.wallTime(r.createdAt), { day: dayNumber(r.expectedBy), minute: businessDayEndMinute });
}

/** Business minutes a request has used by `now` (or by when it closed), pauses taken out. */
export function slaUsedMinutes(r: SlaClock, now: Date, calendar: BusinessCalendar): number {
  const closed = isClosedStatus(r.status) && r.completedAt !== null;
  const end = closed ? r.completedAt! : now;
  const running = !closed && r.pausedSince ? calendar.minutesBetween(r.pausedSince, now) : 0;
  return Math.max(0, calendar.minutesBetween(r.createdAt, end) - r.pausedMinutes - running);
}

/** A request's service-level state at `now`; null when it has no expected-by date. */
export function slaStateOf(r: SlaClock, now: Date, calendar: BusinessCalendar): SlaState | null {
  const budget = slaBudgetMinutes(r, calendar);
  if (budget === null) return null;
  const used = slaUsedMinutes(r, now, calendar);
  if (isClosedStatus(r.status) && r.completedAt !== null) return used <= budget ? 'met' : 'missed';
  if (r.pausedSince) return 'paused';
  if (used > budget) return 'breached';
  if (used >= atRiskShare * budget) return 'at_risk';
  return 'on_track';
}

/**
 * The clock columns after a pause ends at `at` (an answer arrives, or the request closes or
 * reopens): the pause's business minutes join `pausedMinutes`. Unchanged when nothing is paused.
 */
export function endPause(
  r: Pick<SlaClock, 'pausedMinutes' | 'pausedSince'>,
  at: string | Date,
  calendar: BusinessCalendar,
): { pausedMinutes: number; pausedSince: null } {
  const add = r.pausedSince ? calendar.minutesBetween(r.pausedSince, at) : 0;
  return { pausedMinutes: r.pausedMinutes + add, pausedSince: null };
}

export const NeedsInfoBody = z.strictObject({
  question: longText(2000, { required: true }),
  version: z.number({ error: 'is required: send the version you last read' }).int().positive(),
});
export type NeedsInfoBody = z.infer<typeof NeedsInfoBody>;

export const AnswerBody = z.strictObject({ body: longText(5000, { required: true }) });
export type AnswerBody = z.infer<typeof AnswerBody>;

/** One needs-info round: the question, and the answer once it came. */
export const NeedsInfoRound = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  question: z.string(),
  askedById: z.number().int(),
  askedAt: z.string(),
  answer: z.string().nullable(),
  answeredById: z.number().int().nullable(),
  answeredAt: z.string().nullable(),
});
export type NeedsInfoRound = z.infer<typeof NeedsInfoRound>;
export const NeedsInfoRoundList = z.object({ items: z.array(NeedsInfoRound) });
export type NeedsInfoRoundList = z.infer<typeof NeedsInfoRoundList>;

export const serviceLevelGroupings = ['type', 'department', 'assignee'] as const;
export const ServiceLevelsQuery = z.strictObject({
  from: DateInput.optional().describe('First day of the period (company time zone); defaults to four weeks before `to`'),
  to: DateInput.optional().describe('Last day of the period, included; defaults to today'),
  groupBy: z
    .enum(serviceLevelGroupings)
    .default('type')
    .describe('`assignee` groups by the marketer assigned; unassigned requests are key `none`'),
});
export type ServiceLevelsQuery = z.infer<typeof ServiceLevelsQuery>;

/**
 * One group of the service-levels report. Delivered figures count requests delivered (done) in the
 * period; the others count requests filed in it. Minutes are business minutes (BusinessCalendar).
 */
export const ServiceLevelGroup = z.object({
  /** A type, department or marketer id; `none` for unassigned requests. */
  key: z.string(),
  label: z.string(),
  /** Requests filed in the period: the base of the per-request figures below (rounds, rushes). */
  filed: z.number().int(),
  /** Requests delivered in the period. */
  delivered: z.number().int(),
  /** Of those, delivered by their (pause-adjusted) expected-by. */
  onTime: z.number().int(),
  onTimeShare: z.number().nullable(),
  /** Business minutes from filing to a marketer's first response, median over requests filed in the period. */
  medianFirstResponseMinutes: z.number().nullable(),
  /** Business minutes requests filed in the period spent paused (finished pauses and the one running). */
  pausedMinutes: z.number().int(),
  /** Needs-info rounds per request filed in the period (0 when none was filed). */
  needsInfoRounds: z.number(),
  /** Rushes among the requests filed in the period. */
  rushCount: z.number().int(),
});
export type ServiceLevelGroup = z.infer<typeof ServiceLevelGroup>;
export const ServiceLevels = z.object({
  from: IsoDate,
  to: IsoDate,
  groupBy: z.enum(serviceLevelGroupings),
  groups: z.array(ServiceLevelGroup),
  /** The board view, for anyone but a lead: `groupBy=assignee` answers no groups. */
  peopleHidden: z.boolean(),
});
export type ServiceLevels = z.infer<typeof ServiceLevels>;

/** How many days back a requester's department facts reach (My requests). */
export const departmentServiceDays = 90;

/** The caller's department's service facts over the last 90 days, for My requests. */
export const DepartmentService = z.object({
  departmentId: z.number().int(),
  departmentName: z.string(),
  from: IsoDate,
  to: IsoDate,
  filed: z.number().int(),
  delivered: z.number().int(),
  /** Delivered by their expected-by date, of those delivered; null when none was. */
  onTimeShare: z.number().nullable(),
  /** Rushes among requests filed; null when none was filed. */
  rushShare: z.number().nullable(),
  /** Needs-info rounds per request filed; null when none was filed. */
  needsInfoRounds: z.number().nullable(),
  medianFirstResponseMinutes: z.number().nullable(),
});
export type DepartmentService = z.infer<typeof DepartmentService>;

/** `GET /api/requests/similar`: the words typed so far (a title), and how many matches to return. */
export const SimilarQuery = z.strictObject({
  q: z.string().max(200, { error: 'must be at most 200 characters' }),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});
export type SimilarQuery = z.infer<typeof SimilarQuery>;
/** `score`: 0..1, higher is more alike (bm25 squashed; see the API's similar.queries.ts). */
export const SimilarRequest = z.object({ id: z.number().int(), key: z.string(), title: z.string(), status: Status, score: z.number() });
export const SimilarList = z.object({ items: z.array(SimilarRequest) });
export type SimilarRequest = z.infer<typeof SimilarRequest>;

/**
 * `POST /api/requests/:id/followers`: `source` says where the follow came from; `intake` (the
 * new-request form's similar requests) records a duplicate avoided.
 */
export const followSources = ['intake', 'request'] as const;
export const FollowBody = z.strictObject({ source: z.enum(followSources).optional() });
export type FollowBody = z.infer<typeof FollowBody>;
