import { eq } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import { isOpenStatus } from '@altitude/shared/domain';
import type { Request } from '@altitude/shared/requests';
import { endPause, type AnswerBody, type NeedsInfoBody, type NeedsInfoRoundList } from '@altitude/shared/service-levels';
import type { Db } from '../../db/client';
import { requests } from '../../db/schema';
import { writeAs } from '../auth/actor';
import { recordActivity } from '../requests/activity.queries';
import { versionConflict } from '../requests/requests.errors';
import { publish, requireVisibleRequest, type Deps } from '../requests/requests.service';
import { businessCalendar } from './business-calendar';
import { alreadyWaiting, notTheRequesterSide, notWaiting, requestClosed } from './needs-info.errors';
import { answerOpenRound, clockOf, insertQuestion, listRounds } from './needs-info.queries';
import { announceNotifications, type Recorded } from '../notifications/notifications.service';
import { notifyAnswered, notifyNeedsInfo } from '../notifications/notifications.triggers';

/**
 * A marketer (or lead) sends an open request back to its requester with a question: it waits on
 * them and its SLA clock stands still from now until the answer. One question at a time.
 */
export function askRequester(deps: Deps, actor: SessionUser, id: number, body: NeedsInfoBody): Request {
  const now = deps.now().toISOString();
  const notices = writeAs(deps.db, actor, 'marketer', (tx, user) => {
    const current = requireVisibleRequest(tx, id, user);
    if (body.version !== current.version) throw versionConflict(current);
    if (!isOpenStatus(current.status)) throw requestClosed(current.key, current.status);
    if (current.waitingOn) throw alreadyWaiting(current.key);
    const clock = clockOf(tx, id);
    insertQuestion(tx, id, user.id, body.question, now);
    tx.update(requests)
      .set({
        waitingOn: 'requester',
        pausedSince: now,
        needsInfoRounds: current.needsInfoRounds + 1,
        // A question is a response: the requester heard from marketing.
        firstResponseAt: clock.firstResponseAt ?? now,
        version: current.version + 1,
        updatedAt: now,
      })
      .where(eq(requests.id, id))
      .run();
    recordActivity(tx, id, user.id, now, [{ kind: 'needs_info', to: body.question }]);
    return notifyNeedsInfo(tx, now, user, current);
  });
  announceNotifications(deps.db, deps.events, notices);
  return publish(deps, 'request.updated', id, deps.now());
}

/**
 * The requester, or someone of the request's department, answers the open question: the request
 * stops waiting and the pause's business minutes join `pausedMinutes`, so the clock resumes where
 * it stood. Marketers and leads may not answer (unless they filed the request themselves): the
 * question is theirs, and answering it would restart the clock on marketing's own say-so. No
 * `version` is asked for: an answer changes nothing the requester could have read stale, and a
 * second answer meets 409 `request.not_waiting`.
 */
export function answerRequester(deps: Deps, actor: SessionUser, id: number, body: AnswerBody): Request {
  const now = deps.now().toISOString();
  const notices: Recorded[] = writeAs(deps.db, actor, 'signedIn', (tx, user) => {
    // Requesters only see their own and their department's requests: anyone else's is a 404.
    const current = requireVisibleRequest(tx, id, user);
    if (user.role !== 'requester' && user.id !== current.requesterId) throw notTheRequesterSide();
    const round = current.waitingOn === 'requester' ? answerOpenRound(tx, id, user.id, body.body, now) : null;
    if (!round) throw notWaiting(current.key);
    tx.update(requests)
      .set({ waitingOn: null, ...endPause(clockOf(tx, id), now, businessCalendar(tx)), version: current.version + 1, updatedAt: now })
      .where(eq(requests.id, id))
      .run();
    recordActivity(tx, id, user.id, now, [{ kind: 'answered', to: body.body }]);
    return notifyAnswered(tx, now, user, current, round.askedById);
  });
  announceNotifications(deps.db, deps.events, notices);
  return publish(deps, 'request.updated', id, deps.now());
}

/** The needs-info rounds of a request the caller may see, oldest first. */
export function readRounds(db: Db, user: SessionUser, id: number): NeedsInfoRoundList {
  requireVisibleRequest(db, id, user);
  return { items: listRounds(db, id) };
}
