import type { SessionUser } from '@altitude/shared/auth';
import type { ActivityList } from '@altitude/shared/activity';
import type { Db } from '../../db/client';
import { listActivity } from './activity.queries';
import { requireVisibleRequest } from './requests.service';

/** Every change to a request the caller may see, oldest first. */
export function readActivity(db: Db, user: SessionUser, id: number): ActivityList {
  requireVisibleRequest(db, id, user);
  return { items: listActivity(db, id) };
}
