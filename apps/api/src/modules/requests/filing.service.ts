import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import { expectedByFor, isRush } from '@altitude/shared/business-time';
import type { CreateRequestBody, Request } from '@altitude/shared/requests';
import { kitOffered } from '@altitude/shared/self-serve-kits';
import type { Tx } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { writerOf } from '../../writer/writer';
import { requests, requestTypes } from '../../db/schema';
import { writeAs, writeAsQueued } from '../auth/actor';
import { insertKitOutcome } from '../request-types/kit-outcomes.queries';
import { businessCalendar } from '../service-levels/business-calendar';
import { recordActivity } from './activity.queries';
import { checkedAnswers } from './intake-answers';
import { positionFor } from './ordering';
import { unknownType } from './requests.errors';
import { requestColumns, type RequestRow } from './requests.queries';
import { publishRow, type Deps } from './requests.service';

/**
 * Filing a request: it enters intake with its type's default class as a suggestion, and the
 * type's business-day turnaround fixes the date it is expected by (and whether it is a rush), and
 * the answers to the type's questions are checked against them and stored.
 */
export function createRequest(deps: Deps, actor: SessionUser, body: CreateRequestBody): Request {
  const now = deps.now().toISOString();
  const row = writeAs(deps.db, actor, 'signedIn', (tx, user) => insertRequest(tx, user, body, now));
  return publishRow(deps, 'request.created', row);
}

/** Filing through the commit queue (the route's way): it shares its transaction and fsync with the writes that arrive with it. */
export async function createRequestQueued(deps: Deps, actor: SessionUser, body: CreateRequestBody): Promise<Request> {
  const now = deps.now().toISOString();
  // On the writer thread when it runs (same body, same re-check): its COMMIT does not hold the event loop.
  const writer = writerOf(deps.db);
  const row = writer
    ? await writer.run<'create', RequestRow>('create', actor, { body, now })
    : await writeAsQueued(deps.db, actor, 'signedIn', (tx, user) => insertRequest(tx, user, body, now));
  return publishRow(deps, 'request.created', row);
}

/**
 * The new request's rows, inside the write transaction; returns the request as inserted (its
 * INSERT's RETURNING), which the answer and the card event use instead of reading it again.
 * Also the writer thread's (writer/ops.ts).
 */
export function insertRequest(tx: Tx, user: SessionUser, body: CreateRequestBody, now: string): RequestRow {
  // Prepared once: every filing reads its type.
  const type = prepareOnce(tx, 'requestType.byId', () =>
    tx
      .select()
      .from(requestTypes)
      .where(eq(requestTypes.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id: body.typeId });
  if (!type) throw unknownType();
  // A type without questions takes no answers: an empty or missing `fields` is all it accepts.
  const fields = checkedAnswers(type.fields, body.fields ?? {});
  const expectedBy = expectedByFor(now, type.turnaroundDays, businessCalendar(tx));
  const row = insertStatement(tx).get({
    title: body.title,
    brief: body.brief ?? '',
    businessGoal: body.businessGoal ?? '',
    audience: body.audience ?? '',
    dueDate: body.dueDate ?? null,
    priority: body.priority ?? 'normal',
    fields,
    expectedBy,
    rush: isRush(body.dueDate, expectedBy),
    typeId: type.id,
    requesterId: user.id,
    departmentId: user.departmentId,
    classification: type.defaultClassification,
    position: positionFor(tx, 'intake', null),
    createdAt: now,
    updatedAt: now,
  })!;
  recordActivity(tx, row.id, user.id, now, [{ kind: 'created' }]);
  // Filing although the form offered a kit is counted against it, reason or none; a reason
  // sent for a type with no kit for this department has nothing to explain and is dropped.
  if (kitOffered(type.selfServeKit, user.departmentId)) {
    insertKitOutcome(tx, {
      typeId: type.id,
      userId: user.id,
      departmentId: user.departmentId,
      outcome: 'filed',
      reason: body.kitReason ?? null,
      requestId: row.id,
      createdAt: now,
    });
  }
  return row;
}

type Inserted = Pick<
  typeof requests.$inferInsert,
  | 'title'
  | 'brief'
  | 'businessGoal'
  | 'audience'
  | 'dueDate'
  | 'priority'
  | 'fields'
  | 'expectedBy'
  | 'rush'
  | 'typeId'
  | 'requesterId'
  | 'departmentId'
  | 'classification'
  | 'position'
  | 'createdAt'
  | 'updatedAt'
>;

/** The filing's INSERT, prepared once (building it each time cost more than running it), returning the whole request. */
function insertStatement(tx: Tx) {
  return prepareOnce(tx, 'request.insert', () => {
    const p = (name: keyof Inserted) => sql.placeholder(name);
    return tx
      .insert(requests)
      .values({
        title: p('title'),
        brief: p('brief'),
        businessGoal: p('businessGoal'),
        audience: p('audience'),
        dueDate: p('dueDate'),
        priority: p('priority'),
        fields: p('fields'),
        expectedBy: p('expectedBy'),
        rush: p('rush'),
        typeId: p('typeId'),
        requesterId: p('requesterId'),
        departmentId: p('departmentId'),
        status: 'intake',
        classification: p('classification'),
        classificationSuggested: true,
        position: p('position'),
        createdAt: p('createdAt'),
        updatedAt: p('updatedAt'),
      })
      .returning(requestColumns)
      .prepare();
  });
}
