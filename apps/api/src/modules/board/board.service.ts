import type { SessionUser } from '@altitude/shared/auth';
import type { ClosedStatus } from '@altitude/shared/domain';
import type { Board, BoardColumn, RequestFilters } from '@altitude/shared/requests';
import type { Db } from '../../db/client';
import { todayIn } from '../settings/company-clock';
import { filtersToSql } from '../requests/requests.queries';
import { narrowBySla } from '../requests/sla-filter';
import { readBoard, readClosedColumnPage } from './board.queries';

/** No filter narrows the board: the common case, served from the patched snapshot. */
export const unfiltered = (f: Omit<RequestFilters, 'status'>) =>
  !f.classification && !f.department && !f.type && !f.assignee && !f.q?.trim() && !f.mine && !f.following && !f.overdue && !f.sla?.length;

/** A filtered board, built from SQL each time. */
export function readFilteredBoard(db: Db, now: Date, user: SessionUser, filters: Omit<RequestFilters, 'status'>): Board {
  return readBoard(db, narrowBySla(db, filtersToSql(filters, user, todayIn(db, now)), filters.sla, now), now);
}

/** A further page of the done or declined column, under the board's filters. */
export function readClosedColumn(
  db: Db,
  now: Date,
  user: SessionUser,
  status: ClosedStatus,
  filters: Omit<RequestFilters, 'status'>,
  cursor?: string,
): BoardColumn {
  return readClosedColumnPage(db, status, narrowBySla(db, filtersToSql(filters, user, todayIn(db, now)), filters.sla, now), cursor, now);
}
