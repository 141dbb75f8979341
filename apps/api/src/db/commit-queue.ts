import type Database from 'better-sqlite3';
import { writeNotSaved } from '../errors';
import type { Db, Tx } from './client';

/*
 * The commit queue: write requests that arrive together share one transaction and so one fsync.
 * With synchronous=FULL every COMMIT waits for the disk; one connection committing each write on
 * its own caps writes at the disk's fsync rate, and the CPU idles meanwhile. Here each write
 * enqueues its synchronous body; the bodies that arrived by the next event-loop turn (up to
 * `maxGroup`) run in ONE `BEGIN IMMEDIATE … COMMIT`, each inside its own SAVEPOINT:
 * - a body that throws rolls back only its savepoint, and its request gets its own error (a 409,
 *   a 403, a 404), exactly as if it had run alone after the ones before it;
 * - the others commit together; every promise settles only after the COMMIT, so a response
 *   never reports a change that is not on disk, and the caller's after-commit effects (events,
 *   notification pushes) run after it too, in arrival order;
 * - when the group as a whole fails (COMMIT, or SQLite abandoning the transaction on a full
 *   disk or an I/O error), nothing of it is applied and every write in it answers a retryable
 *   503.
 * The bodies run in arrival order, each seeing the ones before it, as serial transactions would.
 */

/** Enough to keep the disk's one fsync busy; a larger group only makes its first request wait. */
export const maxGroup = 64;

interface Job {
  body: (tx: Tx) => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** The group failed as a whole (SQLite rolled the transaction back under a body). */
class GroupAborted extends Error {}

export interface CommitQueue {
  /** Runs `body` (synchronous) in the next group's transaction; settles after that COMMIT. */
  run<T>(body: (tx: Tx) => T): Promise<T>;
  /** Groups committed (or failed) and the writes they held, since the queue was made. */
  readonly stats: { groups: number; writes: number };
}

const queues = new WeakMap<Db, CommitQueue>();

/** The connection's one queue (a second queue on one connection would only split its groups). */
export function commitQueueOf(db: Db): CommitQueue {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = createCommitQueue(db)));
  return queue;
}

function createCommitQueue(db: Db): CommitQueue {
  const sqlite = db.$client;
  let pending: Job[] = [];
  let scheduled = false;
  const stats = { groups: 0, writes: 0 };
  // Prepared once; SAVEPOINT names are per transaction, so one name serves every job in turn.
  let statements: { savepoint: Database.Statement; release: Database.Statement; rollbackTo: Database.Statement } | null = null;

  function flush() {
    scheduled = false;
    const group = pending.slice(0, maxGroup);
    pending = pending.slice(group.length);
    if (pending.length) schedule();
    stats.groups++;
    stats.writes += group.length;
    if (!sqlite.open) return group.forEach((job) => job.reject(writeNotSaved()));
    statements ??= {
      savepoint: sqlite.prepare('SAVEPOINT queued_write'),
      release: sqlite.prepare('RELEASE queued_write'),
      rollbackTo: sqlite.prepare('ROLLBACK TO queued_write'),
    };
    const s = statements;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction((tx) => {
        for (const job of group) {
          s.savepoint.run();
          try {
            const value = job.body(tx);
            // As db.transaction does: an async body would run past its savepoint and the COMMIT.
            if (value instanceof Promise) throw new TypeError('a queued write body must be synchronous');
            outcomes.push({ ok: true, value });
            s.release.run();
          } catch (error) {
            // A full disk or an I/O error makes SQLite roll back the whole transaction: the
            // bodies before this one are gone too, so the group fails as one.
            if (!sqlite.inTransaction) throw new GroupAborted();
            s.rollbackTo.run();
            s.release.run();
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch {
      return group.forEach((job) => job.reject(writeNotSaved()));
    }
    group.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    // setImmediate: after the I/O callbacks of this turn, so requests parsed together group.
    setImmediate(flush);
  }

  return {
    stats,
    run<T>(body: (tx: Tx) => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ body, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}
