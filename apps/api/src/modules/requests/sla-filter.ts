import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { closedStatuses, openStatuses } from '@altitude/shared/domain';
import { openSlaStates, slaStateOf, type SlaState } from '@altitude/shared/service-levels';
import type { Queryable } from '../../db/client';
import { requests } from '../../db/schema';
import { businessCalendar } from '../service-levels/business-calendar';

/** Only what the SLA state is computed from: no texts, no logged-time subquery. */
export const clockColumns = {
  id: requests.id,
  createdAt: requests.createdAt,
  expectedBy: requests.expectedBy,
  pausedMinutes: requests.pausedMinutes,
  pausedSince: requests.pausedSince,
  status: requests.status,
  completedAt: requests.completedAt,
};

/** The SLA state at `now` of each request matching `where`, from the clock columns alone. */
export function slaStatesWhere(db: Queryable, where: (SQL | undefined)[], now: Date): Map<number, SlaState | null> {
  const calendar = businessCalendar(db);
  const rows = db
    .select(clockColumns)
    .from(requests)
    .where(and(...where))
    .all();
  return new Map(rows.map((r) => [r.id, slaStateOf(r, now, calendar)]));
}

const openStates = new Set<SlaState>(openSlaStates);

/**
 * The filters narrowed to the requests whose SLA state at `now` is one of `sla`. The state
 * depends on time, so it cannot be a column: it is computed for the candidates the other
 * filters leave (only open ones unless `met`/`missed` is asked for, and the reverse), and the
 * matching ids go back into SQL as one JSON parameter, so list pages, board columns and their
 * counts all narrow the same way, with no limit on how many ids match.
 */
export function narrowBySla(db: Queryable, where: SQL[], sla: readonly SlaState[] | undefined, now: Date): SQL[] {
  if (!sla?.length) return where;
  const wanted = new Set(sla);
  const anyOpen = sla.some((s) => openStates.has(s));
  const anyClosed = sla.some((s) => !openStates.has(s));
  const scope = anyOpen && anyClosed ? undefined : inArray(requests.status, anyOpen ? [...openStatuses] : [...closedStatuses]);
  const ids: number[] = [];
  for (const [id, state] of slaStatesWhere(db, [...where, scope], now)) if (state !== null && wanted.has(state)) ids.push(id);
  return [...where, sql`${requests.id} in (select value from json_each(${JSON.stringify(ids)}))`];
}
