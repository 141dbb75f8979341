import { eq } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import type { Request } from '@altitude/shared/requests';
import { requests } from '../../db/schema';
import { forbidden } from '../../errors';
import { writeAs } from '../auth/actor';
import { announceNotifications } from '../notifications/notifications.service';
import { notifyCancelled } from '../notifications/notifications.triggers';
import { recordActivity } from './activity.queries';
import { positionFor } from './ordering';
import { notInIntake } from './requests.errors';
import { lockForWrite, publish, type Deps } from './requests.service';
import { clockOnStatusChange } from './sla-clock';

/** A requester withdraws their own request while it is still in intake. */
export function cancelRequest(deps: Deps, actor: SessionUser, id: number, version: number): Request {
  const now = deps.now().toISOString();
  const notices = writeAs(deps.db, actor, 'signedIn', (tx, user) => {
    const current = lockForWrite(tx, id, user, version, now);
    if (current.requesterId !== user.id) throw forbidden();
    if (current.status !== 'intake') throw notInIntake(current.key);
    tx.update(requests)
      .set({
        ...clockOnStatusChange(tx, id, { completedAt: null }, true, now),
        status: 'declined',
        resolution: 'cancelled',
        completedAt: now,
        position: positionFor(tx, 'declined', id),
        version: current.version + 1,
        updatedAt: now,
      })
      .where(eq(requests.id, id))
      .run();
    recordActivity(tx, id, user.id, now, [{ kind: 'cancelled', field: 'status', from: 'intake', to: 'declined' }]);
    return notifyCancelled(tx, now, user, current);
  });
  const request = publish(deps, 'request.updated', id);
  announceNotifications(deps.db, deps.events, notices);
  return request;
}
