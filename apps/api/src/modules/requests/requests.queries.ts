import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import { openStatuses } from '@altitude/shared/domain';
import type { Card, Request, RequestFilters } from '@altitude/shared/requests';
import { requestKey } from '@altitude/shared/requests';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Queryable } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { requestFollowers, requests, requestTime } from '../../db/schema';
import { reportClass } from '../insights/report-class';
import { slaStateOf, type SlaClock, type SlaState } from '@altitude/shared/service-levels';
import { businessCalendar } from '../service-levels/business-calendar';

/**
 * Logged time is each request's total in `request_time`, which SQLite triggers keep equal to the
 * sum of its time entries in the same transaction (drizzle/0004; property-tested): one key
 * lookup per card instead of summing its entries. The outer column is spelled out with its
 * table: in a select list drizzle renders `${requests.id}` as a bare "id", which inside this
 * subquery would resolve to request_time's columns.
 */
const loggedMinutes =
  sql<number>`coalesce((select "rt"."minutes" from ${requestTime} "rt" where "rt"."request_id" = "requests"."id"), 0)`.mapWith(Number);

const cardColumns = {
  id: requests.id,
  title: requests.title,
  typeId: requests.typeId,
  requesterId: requests.requesterId,
  departmentId: requests.departmentId,
  dueDate: requests.dueDate,
  priority: requests.priority,
  status: requests.status,
  resolution: requests.resolution,
  classification: requests.classification,
  classificationNote: requests.classificationNote,
  classificationSuggested: requests.classificationSuggested,
  assigneeId: requests.assigneeId,
  estimateMinutes: requests.estimateMinutes,
  plannedFor: requests.plannedFor,
  expectedBy: requests.expectedBy,
  rush: requests.rush,
  waitingOn: requests.waitingOn,
  needsInfoRounds: requests.needsInfoRounds,
  initiativeId: requests.initiativeId,
  pausedMinutes: requests.pausedMinutes,
  pausedSince: requests.pausedSince,
  loggedMinutes,
  position: requests.position,
  version: requests.version,
  createdAt: requests.createdAt,
  updatedAt: requests.updatedAt,
  completedAt: requests.completedAt,
};
/** A whole request's columns; also what a write returns (`RETURNING`) so it need not read the request again. */
export const requestColumns = {
  ...cardColumns,
  brief: requests.brief,
  businessGoal: requests.businessGoal,
  audience: requests.audience,
  fields: requests.fields,
};

/**
 * A row as the API answers it: its key, and its SLA state at `now` (computed at every read, since
 * time alone moves a request from on track to at risk); the clock's raw columns stay inside.
 */
function present<T extends { id: number } & SlaClock>(
  db: Queryable,
  row: T,
  now: Date,
): Omit<T, 'pausedMinutes' | 'pausedSince'> & { key: string; slaState: SlaState | null } {
  const { pausedMinutes: _m, pausedSince: _s, ...rest } = row;
  return { ...rest, key: requestKey(row.id), slaState: slaStateOf(row, now, businessCalendar(db)) };
}

/** What a user may see: marketers and leads everything, requesters their own and their department's. */
export function visibleTo(user: SessionUser): SQL | undefined {
  if (user.role !== 'requester') return undefined;
  return or(eq(requests.departmentId, user.departmentId), eq(requests.requesterId, user.id));
}

/** `visibleTo` for one request already read: the same rule, for code that holds the row (mail composed later). */
export const maySeeRequest = (
  user: Pick<SessionUser, 'id' | 'role' | 'departmentId'>,
  request: { departmentId: number; requesterId: number },
): boolean => user.role !== 'requester' || request.departmentId === user.departmentId || request.requesterId === user.id;

export function filtersToSql(f: RequestFilters, user: SessionUser, today: string): SQL[] {
  const where: (SQL | undefined)[] = [visibleTo(user)];
  if (f.status) where.push(inArray(requests.status, f.status));
  if (f.department) where.push(inArray(requests.departmentId, f.department));
  if (f.type) where.push(inArray(requests.typeId, f.type));
  if (f.assignee) {
    const parts = f.assignee.split(',');
    const ids = parts.filter((p) => p !== 'none').map(Number);
    where.push(
      or(ids.length ? inArray(requests.assigneeId, ids) : undefined, parts.includes('none') ? isNull(requests.assigneeId) : undefined),
    );
  }
  // Lanes are report classes: a suggested classification counts as unclassified.
  if (f.classification) where.push(inArray(reportClass, f.classification));
  if (f.mine) where.push(eq(requests.requesterId, user.id));
  // Still within what the caller may see (above): following a request grants no access by itself.
  if (f.following)
    where.push(sql`exists (select 1 from ${requestFollowers} "f" where "f"."request_id" = "requests"."id" and "f"."user_id" = ${user.id})`);
  if (f.overdue) where.push(and(lt(requests.dueDate, today), inArray(requests.status, [...openStatuses])));
  const q = f.q?.trim();
  if (q) {
    const keyMatch = /^(?:mkt-?)?(\d+)$/i.exec(q);
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(or(sql`${requests.title} like ${`%${escaped}%`} escape '\\'`, keyMatch ? eq(requests.id, Number(keyMatch[1])) : undefined));
  }
  return where.filter((w): w is SQL => w !== undefined);
}

/** `columns` of the request with a given id, as a query prepared once per connection. */
const selectById = <F extends typeof cardColumns>(db: Queryable, name: string, columns: F) =>
  prepareOnce(db, name, () =>
    db
      .select(columns)
      .from(requests)
      .where(eq(requests.id, sql.placeholder('id')))
      .prepare(),
  );

const requestById = (db: Queryable) => selectById(db, 'request.byId', requestColumns);

/** A request as stored, before `presentRequest` adds its key and SLA state. */
export type RequestRow = SelectResultFields<typeof requestColumns>;

export function findRequest(db: Queryable, id: number, now = new Date()): Request | undefined {
  const row = requestById(db).get({ id });
  return row && present(db, row, now);
}

/** A stored row as the API answers it (key, SLA state at `now`). */
export const presentRequest = (db: Queryable, row: RequestRow, now: Date): Request => present(db, row, now);

/** The request if `user` may see it; otherwise undefined, so a foreign id looks like a missing one. */
export function findVisibleRequest(db: Queryable, id: number, user: SessionUser, now = new Date()): Request | undefined {
  const row = findVisibleRow(db, id, user);
  return row && present(db, row, now);
}

/**
 * `findVisibleRequest` without presenting it: the row as stored. A move reads its card this way
 * and skips the SLA state (a calendar walk) that only a 409 would show.
 */
export function findVisibleRow(db: Queryable, id: number, user: SessionUser): RequestRow | undefined {
  if (user.role !== 'requester') return requestById(db).get({ id });
  return prepareOnce(db, 'request.byIdForRequester', () =>
    db
      .select(requestColumns)
      .from(requests)
      .where(
        and(
          eq(requests.id, sql.placeholder('id')),
          or(eq(requests.departmentId, sql.placeholder('departmentId')), eq(requests.requesterId, sql.placeholder('userId'))),
        ),
      )
      .prepare(),
  ).get({ id, departmentId: user.departmentId, userId: user.id });
}

/** One card as the board shows it, or undefined when there is no such request. */
export function findCard(db: Queryable, id: number, now = new Date()): Card | undefined {
  const row = selectById(db, 'card.byId', cardColumns).get({ id });
  return row && present(db, row, now);
}

export function listRequests(
  db: Queryable,
  where: SQL[],
  limit: number,
  cursor?: number,
  now = new Date(),
): { items: Request[]; nextCursor: string | null } {
  const rows = db
    .select(requestColumns)
    .from(requests)
    .where(and(...where, cursor ? lt(requests.id, cursor) : undefined))
    .orderBy(desc(requests.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  return { items: page.map((row) => present(db, row, now)), nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null };
}

export function columnCards(
  db: Queryable,
  where: SQL[],
  order: 'position' | 'completed',
  limit?: number,
  before?: { completedAt: string; id: number },
  now = new Date(),
): Card[] {
  const q = db
    .select(cardColumns)
    .from(requests)
    .where(and(...where, before ? sql`(${requests.completedAt}, ${requests.id}) < (${before.completedAt}, ${before.id})` : undefined))
    .orderBy(...(order === 'position' ? [asc(requests.position)] : [desc(requests.completedAt), desc(requests.id)]));
  return (limit ? q.limit(limit).all() : q.all()).map((row) => present(db, row, now));
}
