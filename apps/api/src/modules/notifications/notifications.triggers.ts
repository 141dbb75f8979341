import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import type { Resolution, Status } from '@altitude/shared/domain';
import { handleOf, mentionedHandles } from '@altitude/shared/mentions';
import { requestKey } from '@altitude/shared/requests';
import type { Queryable } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { requestFollowers } from '../../db/schema';
import { peopleWhoMaySee, requesterAndFollowers } from './notifications.queries';
import { recordForListeners, recordNotifications, type NotificationDraft, type Recorded } from './notifications.service';

/*
 * What each change of a request tells whom. The modules that make the change call these inside
 * their write transaction and announce the result after it commits; recordNotifications then
 * drops the actor, people who may not see the request, and people who turned the kind off.
 */

/** The request as these rules need it (a Request or a Card will do). */
export interface About {
  id: number;
  title: string;
  requesterId: number;
  departmentId: number;
  assigneeId: number | null;
}

const statusLabels: Record<Status, string> = {
  intake: 'Intake',
  planned: 'Planned',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  declined: 'Declined',
};

/** "MKT-12 Event banner", the title cut short so the sentence fits the bell. */
export const named = (request: Pick<About, 'id' | 'title'>) =>
  `${requestKey(request.id)} ${request.title.length > 60 ? `${request.title.slice(0, 59).trimEnd()}…` : request.title}`;

// Prepared once: every move and comment asks it.
const followersOf = (tx: Queryable, requestId: number) =>
  prepareOnce(tx, 'request.followers', () =>
    tx
      .select({ userId: requestFollowers.userId })
      .from(requestFollowers)
      .where(eq(requestFollowers.requestId, sql.placeholder('requestId')))
      .prepare(),
  )
    .all({ requestId })
    .map((f) => f.userId);

const draft = (actor: SessionUser, request: About, rest: Pick<NotificationDraft, 'userId' | 'kind' | 'text'>): NotificationDraft => ({
  ...rest,
  requestId: request.id,
  actorId: actor.id,
});

/** Assigned (or reassigned) to someone else than the actor. */
export function notifyAssigned(tx: Queryable, now: string, actor: SessionUser, request: About, assigneeId: number): Recorded[] {
  return recordNotifications(tx, now, [
    draft(actor, request, { userId: assigneeId, kind: 'assigned', text: `${actor.name} assigned ${named(request)} to you` }),
  ]);
}

/**
 * A comment: the people it @mentions among those who may see the request (a handle of someone
 * who may not see it tells them nothing, and does not reveal whether they exist), then the
 * requester, the followers and the assignee. A mention outranks the plain comment.
 */
export function notifyCommented(tx: Queryable, now: string, actor: SessionUser, request: About, body: string): Recorded[] {
  const handles = new Set(mentionedHandles(body));
  const mentioned = handles.size ? peopleWhoMaySee(tx, request).filter((p) => handles.has(handleOf(p.email))) : [];
  const involved = [request.requesterId, ...followersOf(tx, request.id), ...(request.assigneeId ? [request.assigneeId] : [])];
  return recordNotifications(tx, now, [
    ...mentioned.map((p) =>
      draft(actor, request, { userId: p.id, kind: 'mentioned', text: `${actor.name} mentioned you on ${named(request)}` }),
    ),
    ...involved.map((userId) => draft(actor, request, { userId, kind: 'commented', text: `${actor.name} commented on ${named(request)}` })),
  ]);
}

/**
 * A move to another column, for the requester and the followers. Declining says how:
 * `handed_back` (to self-serve) or `declined`, instead of a plain status change.
 */
export function notifyMoved(tx: Queryable, now: string, actor: SessionUser, request: About, to: Status, resolution: Resolution | null) {
  const kind = to !== 'declined' ? 'status_changed' : resolution === 'handed_back' ? 'handed_back' : 'declined';
  const text =
    kind === 'handed_back'
      ? `${actor.name} handed ${named(request)} back to you to self-serve`
      : kind === 'declined'
        ? `${actor.name} declined ${named(request)}`
        : `${actor.name} moved ${named(request)} to ${statusLabels[to]}`;
  // The people, who may see it and their settings in one read (`recordNotifications`' rules, asked
  // at once): moves are the board's hottest write.
  return recordForListeners(tx, now, requesterAndFollowers(tx, request, actor.id, kind), {
    kind,
    text,
    requestId: request.id,
    actorId: actor.id,
  });
}

/**
 * The requester withdrew their request: whoever was already working on it (the assignee) and the
 * followers hear it, as a change of status, so nobody keeps working on a cancelled request.
 */
export function notifyCancelled(tx: Queryable, now: string, actor: SessionUser, request: About): Recorded[] {
  const people = [...(request.assigneeId ? [request.assigneeId] : []), ...followersOf(tx, request.id)];
  return recordNotifications(
    tx,
    now,
    people.map((userId) => draft(actor, request, { userId, kind: 'status_changed', text: `${actor.name} cancelled ${named(request)}` })),
  );
}

/** Marketing asked the requester a question: the clock now waits on them. */
export function notifyNeedsInfo(tx: Queryable, now: string, actor: SessionUser, request: About): Recorded[] {
  return recordNotifications(tx, now, [
    draft(actor, request, {
      userId: request.requesterId,
      kind: 'needs_info',
      text: `${actor.name} needs more information on ${named(request)}`,
    }),
  ]);
}

/** The requester's side answered: whoever asked, and the assignee (one notice if that is the same person). */
export function notifyAnswered(tx: Queryable, now: string, actor: SessionUser, request: About, askedById: number | null) {
  const people = [...(askedById ? [askedById] : []), ...(request.assigneeId ? [request.assigneeId] : [])];
  return recordNotifications(
    tx,
    now,
    people.map((userId) =>
      draft(actor, request, { userId, kind: 'answered', text: `${actor.name} answered the question on ${named(request)}` }),
    ),
  );
}
