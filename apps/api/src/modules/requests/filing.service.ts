import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import { expectedByFor, isRush } from '@altitude/shared/business-time';
import type { CreateRequestBody, Request } from '@altitude/shared/requests';
import { kitOffered } from '@altitude/shared/self-serve-kits';
import type { Tx } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { requests, requestTypes } from '../../db/schema';
import { writeAs, writeAsQueued } from '../auth/actor';
import { insertKitOutcome } from '../request-types/kit-outcomes.queries';
import { businessCalendar } from '../service-levels/business-calendar';
import { recordActivity } from './activity.queries';
import { checkedAnswers } from './intake-answers';
import { positionFor } from './ordering';
import { unknownType } from './requests.errors';
import { publish, type Deps } from './requests.service';

/**
 * Filing a request: it enters intake with its type's default class as a suggestion, and the
 * type's business-day turnaround fixes the date it is expected by (and whether it is a rush), and
 * the answers to the type's questions are checked against them and stored.
 */
export function createRequest(deps: Deps, actor: SessionUser, body: CreateRequestBody): Request {
  const now = deps.now().toISOString();
  const id = writeAs(deps.db, actor, 'signedIn', (tx, user) => insertRequest(tx, user, body, now));
  return publish(deps, 'request.created', id);
}

/** Filing through the commit queue (the route's way): it shares its transaction and fsync with the writes that arrive with it. */
export async function createRequestQueued(deps: Deps, actor: SessionUser, body: CreateRequestBody): Promise<Request> {
  const now = deps.now().toISOString();
  const id = await writeAsQueued(deps.db, actor, 'signedIn', (tx, user) => insertRequest(tx, user, body, now));
  return publish(deps, 'request.created', id);
}

/** The new request's rows, inside the write transaction; returns its id. */
function insertRequest(tx: Tx, user: SessionUser, body: CreateRequestBody, now: string): number {
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
  const row = tx
    .insert(requests)
    .values({
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
      status: 'intake',
      classification: type.defaultClassification,
      classificationSuggested: true,
      position: positionFor(tx, 'intake', null),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: requests.id })
    .get();
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
  return row.id;
}
