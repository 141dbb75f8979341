import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createScheduler, type Scheduler } from '../modules/digests/scheduler';
import { mailBaseUrl } from '../modules/digests/unsubscribe-headers';

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-process schedule of notification batches, the daily digest and the weekly brief. */
    scheduler: Scheduler;
  }
}

export interface ScheduleOptions {
  /** Off: the jobs only run when called (`app.scheduler.tick()`), as API tests do. */
  enabled: boolean;
  /** How long the oldest immediate notification waits for company before its batch is mailed. */
  batchMinutes: number;
}

export const defaultSchedule: ScheduleOptions = { enabled: true, batchMinutes: 3 };

/**
 * Starts the schedule once the app is ready (a slot missed while the app was down runs then) and
 * stops it before the mailer and the database close: no timer outlives the app.
 */
export default fp(
  async (app: FastifyInstance, opts: ScheduleOptions) => {
    const scheduler = createScheduler({
      db: app.db,
      now: () => app.clock(),
      baseUrl: mailBaseUrl(app.publicUrl),
      enqueue: (tx, mail) => app.mailer.enqueue(tx, mail),
      batchMinutes: opts.batchMinutes,
      log: app.log,
    });
    app.decorate('scheduler', scheduler);
    if (opts.enabled) app.addHook('onReady', async () => scheduler.start());
    app.addHook('preClose', async () => scheduler.stop());
  },
  { name: 'scheduler', dependencies: ['db', 'mail'] },
);
