import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import { runWeeklyBrief } from './brief-job';
import type { JobContext } from './job-context';
import { runDailyDigest, runNotificationBatches } from './notification-jobs';

/** How often the scheduler looks: the batch job's granularity; the daily and weekly slots are checked each time too. */
export const tickMs = 60_000;

export interface TickResult {
  /** Messages written by each job; null: the slot had already run. */
  batches: number;
  digest: number | null;
  brief: number | null;
}

export interface Scheduler {
  /** Runs every job once at the clock's current time (the timer calls it every minute; tests call it directly). */
  tick(): TickResult;
  start(): void;
  stop(): void;
}

/**
 * The in-process schedule. The state lives in the database (`schedule_runs` and each
 * notification's `messageId`), never in memory, so a restart neither skips the latest slot nor
 * repeats one. Jobs only write to the outbox; sending is the mailer's, after the commit, so a
 * slow SMTP server never holds a job or a request. The timer is unref'd and cleared on close.
 */
export function createScheduler(opts: {
  db: Db;
  now: () => Date;
  baseUrl: string;
  enqueue: JobContext['enqueue'];
  batchMinutes: number;
  log: FastifyBaseLogger;
}): Scheduler {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const attempt = <T>(job: string, run: () => T, fallback: T): T => {
    try {
      return run();
    } catch (err) {
      // One job failing (a bad row, a full disk) must not stop the others or the timer.
      opts.log.error({ err, job }, 'scheduled job failed; it runs again on the next tick');
      return fallback;
    }
  };

  function tick(): TickResult {
    if (stopped || !opts.db.$client.open) return { batches: 0, digest: null, brief: null };
    const ctx: JobContext = { db: opts.db, now: opts.now(), baseUrl: opts.baseUrl, enqueue: opts.enqueue, batchMinutes: opts.batchMinutes };
    const result = {
      batches: attempt('notification_batches', () => runNotificationBatches(ctx), 0),
      digest: attempt('daily_digest', () => runDailyDigest(ctx), null),
      brief: attempt('weekly_brief', () => runWeeklyBrief(ctx), null),
    };
    if (result.batches || result.digest || result.brief) opts.log.info(result, 'scheduled mail written');
    return result;
  }

  return {
    tick,
    start() {
      if (timer || stopped) return;
      tick();
      timer = setInterval(tick, tickMs);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
