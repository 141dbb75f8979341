import type { SessionUser } from '@altitude/shared/auth';
import type { ReserveOverride, ReserveOverrideBody, ReserveOverridesReport } from '@altitude/shared/reserve-trade-off';
import type { Db, Queryable } from '../../db/client';
import { writeAs } from '../auth/actor';
import type { ReportPeriod } from '../insights/report-period';
import { recordActivity } from '../requests/activity.queries';
import { requireVisibleRequest } from '../requests/requests.service';
import { alreadyAccepted, noReserveTaken } from './reserve-overrides.errors';
import { acceptedBefore, insertOverride, overridesByDepartment } from './reserve-overrides.queries';
import { tradeOffFor } from './trade-off.service';

/**
 * "Accept anyway": a marketer (or lead) takes the assignee's strategic reserve for a tactical
 * request knowingly. The reserve taken is recomputed inside the write transaction (what the
 * drawer showed may be stale), so the record holds what it really took. One record per request
 * and assignee: accepting twice would count the same hours twice.
 */
export function acceptReserveOverride(db: Db, now: Date, actor: SessionUser, id: number, body: ReserveOverrideBody): ReserveOverride {
  return writeAs(db, actor, 'marketer', (tx, user) => {
    const request = requireVisibleRequest(tx, id, user, now);
    if (acceptedBefore(tx, id, body.assigneeId)) throw alreadyAccepted(request.key);
    const tradeOff = tradeOffFor(tx, now, request, body.assigneeId, request.classification);
    if (tradeOff.reserveTakenMinutes === 0) throw noReserveTaken(request.key);
    const createdAt = now.toISOString();
    const row = insertOverride(tx, {
      requestId: id,
      acceptedById: user.id,
      assigneeId: body.assigneeId,
      departmentId: request.departmentId,
      reserveMinutes: tradeOff.reserveTakenMinutes,
      createdAt,
    });
    recordActivity(tx, id, user.id, createdAt, [
      { kind: 'reserve_override', field: 'assigneeId', from: body.assigneeId, to: tradeOff.reserveTakenMinutes },
    ]);
    return row;
  });
}

/** Reserve overrides accepted in the period, by the department that filed the request. */
export function readReserveOverrides(db: Queryable, period: ReportPeriod): ReserveOverridesReport {
  const items = overridesByDepartment(db, period.startAt, period.endAt);
  return {
    from: period.from,
    to: period.to,
    items,
    total: { count: items.reduce((s, i) => s + i.count, 0), reserveMinutes: items.reduce((s, i) => s + i.reserveMinutes, 0) },
  };
}
