import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import { isClosedStatus, isOpenStatus, type Status } from '@altitude/shared/domain';
import { requestKey, type MoveRequestBody, type Request } from '@altitude/shared/requests';
import type { Tx } from '../../db/client';
import { prepareOnce } from '../../db/statements';
import { comments, requests } from '../../db/schema';
import { writerOf } from '../../writer/writer';
import { writeAs, writeAsQueued } from '../auth/actor';
import { announceNotifications, type Recorded } from '../notifications/notifications.service';
import { notifyMoved } from '../notifications/notifications.triggers';
import { recordActivity, type Change } from './activity.queries';
import { positionFor, rebalanceIfLong } from './ordering';
import { resolutionWithoutDecline, unclassified } from './requests.errors';
import { requestColumns, type RequestRow } from './requests.queries';
import { findStartedAt, lockRowForWrite, publish, publishRow, type Deps } from './requests.service';
import { clockOnStatusChange, noteFirstResponse } from './sla-clock';

/** What a move leaves to do once it has committed. */
export interface Moved {
  rebalanced: Status | null;
  notices: Recorded[];
  /** The request as the move wrote it (its UPDATE's RETURNING); null when a rebalance moved it since. */
  row: RequestRow | null;
}

/** A move, synchronous (scripts and tests); the route queues its moves with `moveRequestQueued`. */
export function moveRequest(deps: Deps, actor: SessionUser, id: number, body: MoveRequestBody): Request {
  const now = deps.now().toISOString();
  const moved = writeAs(deps.db, actor, 'marketer', (tx, user) => applyMove(tx, user, id, body, now));
  return afterMove(deps, id, moved);
}

/** A move through the commit queue: it shares its transaction and fsync with the writes that arrive with it. */
export async function moveRequestQueued(deps: Deps, actor: SessionUser, id: number, body: MoveRequestBody): Promise<Request> {
  const now = deps.now().toISOString();
  // On the writer thread when it runs (same body, same re-check): its COMMIT does not hold the event loop.
  const writer = writerOf(deps.db);
  const moved = writer
    ? await writer.run<'move', Moved>('move', actor, { id, body, now })
    : await writeAsQueued(deps.db, actor, 'marketer', (tx, user) => applyMove(tx, user, id, body, now));
  return afterMove(deps, id, moved);
}

/**
 * After the commit: the notified people's streams, a rebalanced column, the card itself. The card
 * is the row the move's UPDATE returned, not read again (a rebalance rewrote its position since:
 * then it is read).
 */
function afterMove(deps: Deps, id: number, { rebalanced, notices, row }: Moved): Request {
  announceNotifications(deps.db, deps.events, notices);
  if (rebalanced) deps.events.publish({ type: 'column.rebalanced', status: rebalanced }, null);
  return row ? publishRow(deps, 'request.updated', row) : publish(deps, 'request.updated', id);
}

/** The move itself, inside the write transaction, with the actor as re-checked there (also the writer thread's, writer/ops.ts). */
export function applyMove(tx: Tx, user: SessionUser, id: number, body: MoveRequestBody, now: string): Moved {
  // The row as stored: a move reads no SLA state, so none is computed (a 409 still shows it).
  const current = lockRowForWrite(tx, id, user, body.version, now);
  const to = body.status;
  const confirmed = current.classification !== null && !current.classificationSuggested;
  if (current.status === 'intake' && to !== 'intake' && to !== 'declined' && !confirmed) throw unclassified(requestKey(id));
  if (to !== 'declined' && body.resolution) throw resolutionWithoutDecline();
  const position = positionFor(tx, to, id, body.beforeId, body.afterId);
  const patch: MovePatch = {
    status: to,
    position,
    version: current.version + 1,
    updatedAt: now,
    startedAt: null,
    resolution: current.resolution,
    completedAt: current.completedAt,
    pausedMinutes: null,
    pausedSince: null,
    waitingOn: null,
    keepClock: 1,
  };
  const changes: Change[] = [];
  if (to !== current.status) {
    changes.push({ kind: 'moved', field: 'status', from: current.status, to });
    if (current.status === 'intake' && to !== 'declined' && !findStartedAt(tx, id)) patch.startedAt = now;
    if (to === 'done') Object.assign(patch, { resolution: 'delivered', completedAt: now });
    else if (to === 'declined') {
      const resolution = body.resolution ?? 'declined';
      Object.assign(patch, { resolution, completedAt: now });
      changes.push({ kind: resolution, field: 'resolution', from: current.resolution, to: resolution });
      if (body.note?.trim()) {
        tx.insert(comments).values({ requestId: id, authorId: user.id, body: body.note.trim(), createdAt: now }).run();
        changes.push({ kind: 'commented' });
      }
    } else if (!isOpenStatus(current.status) || current.resolution) {
      Object.assign(patch, { resolution: null, completedAt: null });
    }
    // Into, out of or between closed columns: the clock stops, or the time closed is not counted.
    if (isClosedStatus(to) || isClosedStatus(current.status)) {
      const closedSince = isClosedStatus(current.status) ? current.completedAt : null;
      Object.assign(patch, { ...clockOnStatusChange(tx, id, { completedAt: closedSince }, isClosedStatus(to), now), keepClock: 0 });
    }
  } else {
    changes.push({ kind: 'reordered', field: 'position', from: current.position, to: position });
  }
  const row = moveStatement(tx, shapeOf(current, patch)).get({ ...patch, id })!;
  recordActivity(tx, id, user.id, now, changes);
  // first_response_at is not part of the request the API answers, so `row` stays true after this.
  noteFirstResponse(tx, id, user, now);
  const rebalanced = rebalanceIfLong(tx, to, position);
  return {
    rebalanced: rebalanced ? to : null,
    notices: to !== current.status ? notifyMoved(tx, now, user, current, to, patch.resolution) : [],
    row: rebalanced ? null : row,
  };
}

/**
 * Every column a move may change; `startedAt` null keeps the stored one, and `keepClock` 1 keeps
 * the clock columns (a move within open columns leaves them alone, without reading them).
 */
type MovePatch = Pick<
  typeof requests.$inferSelect,
  'status' | 'position' | 'version' | 'updatedAt' | 'startedAt' | 'resolution' | 'completedAt'
> & { pausedMinutes: number | null; pausedSince: string | null; waitingOn: 'requester' | null; keepClock: 0 | 1 };

/**
 * Which columns the move's UPDATE sets. SQLite rewrites every index entry of a column an UPDATE
 * sets, changed or not, and each rewritten index is another page the COMMIT writes and fsyncs
 * (bench/README.md). Most moves are a drag within a column or between open columns, so they set
 * only what such a move changes:
 * - `reorder`: the position (and version, updated_at): only the board's order index is rewritten;
 * - `status`: also the status, so only indexes that name it;
 * - `full`: every column a move may change (into, out of or between closed columns; the first
 *   move out of intake, which stamps started_at; a request whose resolution a move clears).
 */
type MoveShape = 'reorder' | 'status' | 'full';

function shapeOf(current: RequestRow, patch: MovePatch): MoveShape {
  const clockKept = patch.keepClock === 1 && patch.startedAt === null;
  const closureKept = patch.resolution === current.resolution && patch.completedAt === current.completedAt;
  if (!clockKept || !closureKept) return 'full';
  return patch.status === current.status ? 'reorder' : 'status';
}

/**
 * The move's one UPDATE in the given shape, each prepared once: moves are the board's hottest
 * write. It returns the request as written, which the answer and the card event use instead of
 * reading it again.
 */
function moveStatement(tx: Tx, shape: MoveShape) {
  return prepareOnce(tx, `request.move.${shape}`, () => {
    // set() takes SQL, so each placeholder is wrapped in it.
    const p = (name: keyof MovePatch) => sql`${sql.placeholder(name)}`;
    const reorder = { position: p('position'), version: p('version'), updatedAt: p('updatedAt') };
    const status = { ...reorder, status: p('status') };
    const full = {
      ...status,
      startedAt: sql`coalesce(${sql.placeholder('startedAt')}, ${requests.startedAt})`,
      resolution: p('resolution'),
      completedAt: p('completedAt'),
      pausedMinutes: sql`case when ${sql.placeholder('keepClock')} then ${requests.pausedMinutes} else ${sql.placeholder('pausedMinutes')} end`,
      pausedSince: sql`case when ${sql.placeholder('keepClock')} then ${requests.pausedSince} else ${sql.placeholder('pausedSince')} end`,
      waitingOn: sql`case when ${sql.placeholder('keepClock')} then ${requests.waitingOn} else ${sql.placeholder('waitingOn')} end`,
    };
    return tx
      .update(requests)
      .set({ reorder, status, full }[shape])
      .where(eq(requests.id, sql.placeholder('id')))
      .returning(requestColumns)
      .prepare();
  });
}
