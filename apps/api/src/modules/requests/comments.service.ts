import { asc, eq } from 'drizzle-orm';
import type { Comment, CommentList, CreateCommentBody } from '@altitude/shared/activity';
import type { SessionUser } from '@altitude/shared/auth';
import type { Db } from '../../db/client';
import { comments } from '../../db/schema';
import { writeAs } from '../auth/actor';
import { recordActivity } from './activity.queries';
import { requireVisibleRequest, type Deps } from './requests.service';
import { noteFirstResponse } from './sla-clock';
import { announceNotifications } from '../notifications/notifications.service';
import { notifyCommented } from '../notifications/notifications.triggers';

/** A request's comments, oldest first. */
export function listComments(db: Db, user: SessionUser, id: number): CommentList {
  requireVisibleRequest(db, id, user);
  return { items: db.select().from(comments).where(eq(comments.requestId, id)).orderBy(asc(comments.createdAt), asc(comments.id)).all() };
}

/** Anyone who may see the request may comment; the comment and its activity row commit together. */
export function addComment(deps: Deps, actor: SessionUser, id: number, body: CreateCommentBody): Comment {
  const now = deps.now().toISOString();
  const { row, audience, notices } = writeAs(deps.db, actor, 'signedIn', (tx, user) => {
    const request = requireVisibleRequest(tx, id, user);
    const row = tx.insert(comments).values({ requestId: id, authorId: user.id, body: body.body, createdAt: now }).returning().get();
    recordActivity(tx, id, user.id, now, [{ kind: 'commented' }]);
    noteFirstResponse(tx, id, user, now);
    const notices = notifyCommented(tx, now, user, request, body.body);
    return { row, notices, audience: { departmentId: request.departmentId, requesterId: request.requesterId } };
  });
  deps.events.publish({ type: 'request.commented', requestId: id }, audience);
  announceNotifications(deps.db, deps.events, notices);
  return row;
}
