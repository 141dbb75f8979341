import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import type { Classification } from '@altitude/shared/domain';
import type { ClassificationBody, Request, RequestListQuery, UpdateRequestBody } from '@altitude/shared/requests';
import type { Db, Queryable, Tx } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { requests, requestTypes, users } from '../../db/schema';
import { forbidden } from '../../errors';
import type { EventBus } from '../../plugins/sse';
import { recordActivity, type Change } from './activity.queries';
import { writeAs } from '../auth/actor';
import { answersForType } from './intake-answers';
import { initiativeChange, initiativeLinkChange } from '../initiatives/request-link';
import { overrideUnexplained } from './override-rule';
import {
  filtersToSql,
  findRequest,
  findVisibleRequest,
  findVisibleRow,
  listRequests,
  presentRequest,
  type RequestRow,
} from './requests.queries';
import { todayIn } from '../settings/company-clock';
import { noteFirstResponse, promiseAfterEdit } from './sla-clock';
import { narrowBySla } from './sla-filter';
import { announceNotifications, type Recorded } from '../notifications/notifications.service';
import { notifyAssigned } from '../notifications/notifications.triggers';
import { invalidAssignee, overrideNeedsNote, requestNotFound, retypeNeedsNote, unknownType, versionConflict } from './requests.errors';

export interface Deps {
  db: Db;
  events: EventBus;
  now: () => Date;
}

/**
 * The request if `user` may see it; a 404 otherwise, so a foreign id looks like a missing one.
 * `now` is the app's clock, which decides the SLA state it is read with.
 */
export function requireVisibleRequest(db: Queryable, id: number, user: SessionUser, now?: Date): Request {
  const found = findVisibleRequest(db, id, user, now);
  if (!found) throw requestNotFound();
  return found;
}

/** Loads the request inside the transaction and checks the caller's version against it (a 409 shows it as of `now`). */
export function lockForWrite(tx: Tx, id: number, user: SessionUser, version: number, now: string): Request {
  return presentRequest(tx, lockRowForWrite(tx, id, user, version, now), new Date(now));
}

/**
 * `lockForWrite` answering the row as stored: the same 404 and 409 (the 409 presents the request
 * as of `now`), without computing an SLA state the write does not read (a move).
 */
export function lockRowForWrite(tx: Tx, id: number, user: SessionUser, version: number, now: string): RequestRow {
  const row = findVisibleRow(tx, id, user);
  if (!row) throw requestNotFound();
  if (version !== row.version) throw versionConflict(presentRequest(tx, row, new Date(now)));
  return row;
}

/** A page of the requests `user` may see, newest first, narrowed by the list's filters. */
export function searchRequests(deps: Deps, user: SessionUser, query: RequestListQuery): { items: Request[]; nextCursor: string | null } {
  const { cursor, limit, ...filters } = query;
  const now = deps.now();
  const where = narrowBySla(deps.db, filtersToSql(filters, user, todayIn(deps.db, now)), filters.sla, now);
  return listRequests(deps.db, where, limit, cursor ? Number(cursor) : undefined, now);
}

/**
 * Reads the request once, tells listeners (as a card, without long texts) and returns it; its SLA
 * state is judged at `now` when given, else at the app's clock.
 */
export function publish(deps: Deps, type: 'request.created' | 'request.updated', id: number, now?: Date): Request {
  return announce(deps, type, findRequest(deps.db, id, now ?? deps.now())!);
}

/**
 * `publish` for the row a write already holds as committed (its UPDATE's RETURNING), so the
 * request is not read again after the commit; presented at `now` or the app's clock, as `publish`.
 */
export function publishRow(deps: Deps, type: 'request.created' | 'request.updated', row: RequestRow, now?: Date): Request {
  return announce(deps, type, presentRequest(deps.db, row, now ?? deps.now()));
}

/** Tells listeners of the request (as a card, without long texts) and returns it. */
function announce(deps: Deps, type: 'request.created' | 'request.updated', request: Request): Request {
  const { brief: _brief, businessGoal: _goal, audience: _audience, fields: _fields, ...card } = request;
  deps.events.publish({ type, card }, { departmentId: card.departmentId, requesterId: card.requesterId });
  return request;
}

// A requester may also correct the answers to the type's questions while the request is in
// intake, as they may the brief: the answers are part of the brief, and triage has not begun.
const requesterEditable = new Set(['title', 'brief', 'businessGoal', 'audience', 'dueDate', 'priority', 'fields']);

export function updateRequest(deps: Deps, actor: SessionUser, id: number, body: UpdateRequestBody): Request {
  const now = deps.now().toISOString();
  let notices: Recorded[] = [];
  writeAs(deps.db, actor, 'signedIn', (tx, user) => {
    const current = lockForWrite(tx, id, user, body.version, now);
    const { version: _v, fields: answers, initiativeId, ...fields } = body;
    if (user.role === 'requester') {
      // Fields only marketing sets (assignee, estimate, the planned-for date) are named, so the form can say which.
      const marketingOnly = Object.keys(body).filter((k) => k !== 'version' && !requesterEditable.has(k));
      if (marketingOnly.length) throw forbidden(marketingOnly);
      if (current.requesterId !== user.id || current.status !== 'intake') throw forbidden();
    }
    let suggestion: Request['classification'] | undefined;
    let turnaroundDays: number | undefined;
    if (fields.typeId !== undefined) {
      const type = tx
        .select({ defaultClassification: requestTypes.defaultClassification, turnaroundDays: requestTypes.turnaroundDays })
        .from(requestTypes)
        .where(eq(requestTypes.id, fields.typeId))
        .get();
      if (!type) throw unknownType();
      if (fields.typeId !== current.typeId) turnaroundDays = type.turnaroundDays;
      // An unconfirmed class is only the type's default, so it follows the type; a confirmed one stays,
      // and if that puts it against the new type's default, its note must already say why.
      if (current.classificationSuggested && fields.typeId !== current.typeId) suggestion = type.defaultClassification;
      const { classification, classificationSuggested, classificationNote: note } = current;
      const against = { classification, classificationSuggested, defaultClassification: type.defaultClassification, note };
      if (fields.typeId !== current.typeId && overrideUnexplained(against))
        throw retypeNeedsNote(current.key, classification!, type.defaultClassification);
    }
    if (fields.assigneeId) {
      const assignee = tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, fields.assigneeId)).get();
      if (!assignee || assignee.role === 'requester' || !assignee.active) throw invalidAssignee();
    }
    // Answers replace the earlier ones whole, checked against the questions of the type the
    // request will have. Changing only the type keeps the answers: they stay readable by key.
    const newAnswers = answers === undefined ? undefined : answersForType(tx, fields.typeId ?? current.typeId, answers);
    const changes: Change[] = [];
    if (newAnswers !== undefined && JSON.stringify(newAnswers) !== JSON.stringify(current.fields))
      changes.push({ kind: 'updated', field: 'fields', from: null, to: null });
    for (const [field, value] of Object.entries(fields)) {
      const before = current[field as keyof Request];
      if (value === undefined || value === before) continue;
      const kind = field === 'assigneeId' ? 'assigned' : field === 'estimateMinutes' ? 'estimated' : 'updated';
      // Long texts are not copied into the history; the activity says they changed.
      const long = field === 'brief';
      changes.push({ kind, field, from: long ? null : (before as Change['from']), to: long ? null : (value as Change['to']) });
    }
    const link = initiativeId === undefined ? null : initiativeLinkChange(tx, current, initiativeId);
    if (link) changes.push(link);
    if (changes.length === 0) return;
    tx.update(requests)
      .set({
        ...fields,
        ...(link ? { initiativeId } : {}),
        ...promiseAfterEdit(tx, current, turnaroundDays, fields.dueDate),
        ...(newAnswers === undefined ? {} : { fields: newAnswers }),
        ...(suggestion === undefined ? {} : { classification: suggestion }),
        version: current.version + 1,
        updatedAt: now,
      })
      .where(eq(requests.id, id))
      .run();
    recordActivity(tx, id, user.id, now, changes);
    if (changes.some((c) => c.kind === 'assigned' && c.to !== null)) noteFirstResponse(tx, id, user, now);
    if (fields.assigneeId && fields.assigneeId !== current.assigneeId) notices = notifyAssigned(tx, now, user, current, fields.assigneeId);
  });
  announceNotifications(deps.db, deps.events, notices);
  return publish(deps, 'request.updated', id);
}

export function findStartedAt(tx: Tx, id: number) {
  return (
    prepareOnce(tx, 'request.startedAt', () =>
      tx
        .select({ startedAt: requests.startedAt })
        .from(requests)
        .where(eq(requests.id, sql.placeholder('id')))
        .prepare(),
    ).get({ id })?.startedAt ?? null
  );
}

export function classifyRequest(deps: Deps, actor: SessionUser, id: number, body: ClassificationBody): Request {
  const now = deps.now().toISOString();
  writeAs(deps.db, actor, 'marketer', (tx, user) => {
    const current = lockForWrite(tx, id, user, body.version, now);
    const changesClass = current.classificationSuggested || current.classification !== body.classification;
    // A note explains one class: it is kept when the class stays, never carried over to the other one.
    const kept = changesClass ? null : current.classificationNote;
    const note = body.note === undefined ? kept : body.note?.trim() || null;
    const type = defaultClassOf(tx, current.typeId);
    if (overrideUnexplained({ classification: body.classification, classificationSuggested: false, defaultClassification: type, note }))
      throw overrideNeedsNote(current.key, body.classification, type);
    if (!changesClass && note === current.classificationNote) return;
    // Only strategic work serves an initiative: leaving strategic leaves the initiative too.
    const unlink = body.classification !== 'strategic' && current.initiativeId !== null;
    tx.update(requests)
      .set({
        ...(unlink ? { initiativeId: null } : {}),
        classification: body.classification,
        classificationNote: note,
        classificationSuggested: false,
        classifiedById: user.id,
        classifiedAt: now,
        version: current.version + 1,
        updatedAt: now,
      })
      .where(eq(requests.id, id))
      .run();
    const from = current.classificationSuggested ? null : current.classification;
    // Changing a confirmed class once work started moves hours already reported: it gets its own kind, which the overrides report counts.
    const afterStart = from !== null && from !== body.classification && (current.loggedMinutes > 0 || findStartedAt(tx, id) !== null);
    recordActivity(tx, id, user.id, now, [
      { kind: afterStart ? 'reclassified_after_start' : 'classified', field: 'classification', from, to: body.classification },
      ...(unlink ? [initiativeChange(tx, current.initiativeId, null)] : []),
    ]);
    noteFirstResponse(tx, id, user, now);
  });
  return publish(deps, 'request.updated', id);
}

function defaultClassOf(tx: Tx, typeId: number): Classification {
  const type = tx.select({ d: requestTypes.defaultClassification }).from(requestTypes).where(eq(requestTypes.id, typeId)).get();
  if (!type) throw unknownType();
  return type.d;
}
