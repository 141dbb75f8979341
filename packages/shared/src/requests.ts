import { z } from 'zod';
import { Classification, DateInput, Priority, Resolution, Status } from './domain';
import { FieldAnswer, FieldAnswersInput } from './intake-fields';
import { SlaState, WaitingOn } from './service-levels';
import { kitReason } from './self-serve-kits';
import { longText, singleLine } from './text';

const title = singleLine(200);

/** A request (a card) as the API returns it. */
export const Request = z.object({
  id: z.number().int(),
  key: z.string(),
  title: z.string(),
  brief: z.string(),
  typeId: z.number().int(),
  requesterId: z.number().int(),
  departmentId: z.number().int(),
  businessGoal: z.string(),
  audience: z.string(),
  dueDate: z.string().nullable(),
  priority: Priority,
  status: Status,
  resolution: Resolution.nullable(),
  classification: Classification.nullable(),
  classificationNote: z.string().nullable(),
  /** True while the classification is only the request type's default, not yet confirmed by a marketer. */
  classificationSuggested: z.boolean(),
  assigneeId: z.number().int().nullable(),
  estimateMinutes: z.number().int().nullable(),
  /** The date a marketer plans to deliver by; `dueDate` is the requester's "needed by", never a promise. */
  plannedFor: z.string().nullable(),
  /** The date the type's business-day turnaround promised at filing. */
  expectedBy: z.string().nullable(),
  /** Where the service-level clock stands now (null only without an expected-by date). */
  slaState: SlaState.nullable(),
  /** Who the request waits on: the requester while a needs-info question is unanswered. */
  waitingOn: WaitingOn,
  /** Needed by a date inside the type's turnaround. */
  rush: z.boolean(),
  /** Answers to the type's questions, by key. */
  fields: z.record(z.string(), FieldAnswer),
  needsInfoRounds: z.number().int(),
  /** The strategic initiative this request serves, if any. */
  initiativeId: z.number().int().nullable(),
  loggedMinutes: z.number().int(),
  position: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type Request = z.infer<typeof Request>;

/** What a board card carries: a request without its long texts. */
export const Card = Request.omit({ brief: true, businessGoal: true, audience: true, fields: true });
export type Card = z.infer<typeof Card>;

export const CreateRequestBody = z.strictObject({
  title,
  typeId: z.number().int().positive({ error: 'choose a request type' }),
  brief: longText(20_000).optional(),
  businessGoal: longText(500).optional(),
  audience: longText(500).optional(),
  dueDate: DateInput.nullable().optional(),
  priority: Priority.optional(),
  /** Answers to the chosen type's questions; checked against them (422 naming `fields.<key>`). */
  fields: FieldAnswersInput.optional(),
  /** Why the requester files although the type's kit is offered to them; kept with the `filed` outcome. */
  kitReason: kitReason.optional(),
});
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

export const UpdateRequestBody = z.strictObject({
  version: z.number().int().positive(),
  title: title.optional(),
  typeId: z.number().int().positive().optional(),
  brief: longText(20_000).optional(),
  businessGoal: longText(500).optional(),
  audience: longText(500).optional(),
  dueDate: DateInput.nullable().optional(),
  priority: Priority.optional(),
  assigneeId: z.number().int().positive().nullable().optional(),
  estimateMinutes: z.number().int().min(0).max(100_000).nullable().optional(),
  /** The date marketing plans to deliver by (marketers and leads only); null clears it. */
  plannedFor: DateInput.nullable().optional(),
  /** New answers to the type's questions, replacing the earlier ones (422 naming `fields.<key>`). */
  fields: FieldAnswersInput.optional(),
  /** The strategic initiative it serves (marketers and leads; confirmed strategic requests only); null unlinks. */
  initiativeId: z.number().int().positive().nullable().optional(),
});
export type UpdateRequestBody = z.infer<typeof UpdateRequestBody>;

export const MoveRequestBody = z.strictObject({
  status: Status,
  beforeId: z.number().int().positive().nullable().optional(),
  afterId: z.number().int().positive().nullable().optional(),
  version: z.number().int().positive(),
  /** Why a request is declined or handed back; shown to the requester. */
  note: longText(2000).optional(),
  resolution: z.enum(['declined', 'handed_back']).optional(),
});
export type MoveRequestBody = z.infer<typeof MoveRequestBody>;

export const ClassificationBody = z.strictObject({
  classification: Classification,
  note: longText(1000).nullable().optional(),
  /** Required: without it a stale drawer would silently overwrite a colleague's change. */
  version: z.number({ error: 'is required: send the version you last read' }).int().positive(),
});
export type ClassificationBody = z.infer<typeof ClassificationBody>;

export const CancelRequestBody = z.strictObject({ version: z.number().int().positive() });

const csvIds = z
  .string()
  .regex(/^\d+(,\d+)*$/, { error: 'must be a comma-separated list of ids' })
  .transform((s) => s.split(',').map(Number));

/** Filters shared by the request list and the board; the web app keeps them in the URL. */
export const RequestFilters = z.object({
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(Status))
    .optional(),
  classification: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(['strategic', 'tactical', 'unclassified'])))
    .optional(),
  department: csvIds.optional(),
  type: csvIds.optional(),
  assignee: z
    .string()
    .regex(/^(\d+|none)(,(\d+|none))*$/, { error: 'must be ids or "none"' })
    .optional(),
  q: z.string().max(200).optional(),
  mine: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  overdue: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  /** Requests the caller follows (POST /api/requests/:id/followers). */
  following: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  /** Service-level states, comma-separated (`at_risk,breached`). */
  sla: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(SlaState))
    .optional(),
});
export type RequestFilters = z.infer<typeof RequestFilters>;

export const RequestListQuery = RequestFilters.extend({
  cursor: z.string().regex(/^\d+$/, { error: 'must be a cursor from a previous page' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;

export const RequestList = z.object({ items: z.array(Request), nextCursor: z.string().nullable() });

export const BoardColumn = z.object({
  status: Status,
  wipLimit: z.number().int().nullable(),
  /** Cards in the column matching the filters; `done` and `declined` ship only their latest page. */
  count: z.number().int(),
  /** Every card in the column, whatever the filters: the WIP limit counts these ("6 shown of 14 · limit 15"). */
  total: z.number().int(),
  /** `count` by lane (report class), so a closed column's lanes add up to its header though it ships one page. */
  laneCounts: z.strictObject({ strategic: z.number().int(), tactical: z.number().int(), unclassified: z.number().int() }),
  cards: z.array(Card),
  nextCursor: z.string().nullable(),
});
export const Board = z.object({ columns: z.array(BoardColumn) });
export type Board = z.infer<typeof Board>;
export type BoardColumn = z.infer<typeof BoardColumn>;

export const requestKey = (id: number) => `MKT-${id}`;

/** A 409 body (`request.version_conflict`): the problem plus the request as it now stands; the web's drawer reads it. */
export const ConflictBody = z.object({ current: Request });
