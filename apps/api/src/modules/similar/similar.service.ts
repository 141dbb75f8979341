import type { SessionUser } from '@altitude/shared/auth';
import type { FollowBody, SimilarQuery, SimilarRequest } from '@altitude/shared/service-levels';
import { and, eq } from 'drizzle-orm';
import { requestFollowers } from '../../db/schema';
import { writeAs } from '../auth/actor';
import { recordActivity } from '../requests/activity.queries';
import { requireVisibleRequest, type Deps } from '../requests/requests.service';
import { commonWords } from './common-words';
import { matchExpressions } from './match-expression';
import { findSimilar } from './similar.queries';

/** Open and recently delivered requests like the words typed, within what `user` may see. */
export function similarRequests(deps: Deps, user: SessionUser, query: SimilarQuery): { items: SimilarRequest[] } {
  const now = deps.now();
  const match = matchExpressions(query.q, commonWords(deps.db, now.getTime()));
  return { items: match ? findSimilar(deps.db, user, match, query.limit, now) : [] };
}

/**
 * Follows as oneself. Following twice changes nothing; the first follow leaves an activity row
 * `followed` whose value says where it came from: `intake` when the new-request form offered the
 * request instead of filing a duplicate (the service-levels report counts those), else `request`.
 */
export function follow(deps: Deps, actor: SessionUser, id: number, body: FollowBody): void {
  const now = deps.now().toISOString();
  writeAs(deps.db, actor, 'signedIn', (tx, user) => {
    requireVisibleRequest(tx, id, user);
    const added = tx.insert(requestFollowers).values({ requestId: id, userId: user.id, createdAt: now }).onConflictDoNothing().run();
    if (added.changes) recordActivity(tx, id, user.id, now, [{ kind: 'followed', field: null, to: body.source ?? 'request' }]);
  });
}

/** Stops following; unfollowing what one does not follow changes nothing. */
export function unfollow(deps: Deps, actor: SessionUser, id: number): void {
  const now = deps.now().toISOString();
  writeAs(deps.db, actor, 'signedIn', (tx, user) => {
    requireVisibleRequest(tx, id, user);
    const removed = tx
      .delete(requestFollowers)
      .where(and(eq(requestFollowers.requestId, id), eq(requestFollowers.userId, user.id)))
      .run();
    if (removed.changes) recordActivity(tx, id, user.id, now, [{ kind: 'unfollowed', field: null }]);
  });
}
