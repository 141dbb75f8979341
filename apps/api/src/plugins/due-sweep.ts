import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sweepDueNotifications } from '../modules/notifications/due-sweep';
import { announceNotifications } from '../modules/notifications/notifications.service';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs the due-soon / overdue sweep once at the app's clock (the timer calls it; tests may too). */
    sweepDue: () => void;
  }
}

/**
 * The due-soon / overdue sweep on a timer (`everyMs`, a minute in production; null: no timer,
 * as in tests, which call `app.sweepDue()` when they want one). It starts once the app is ready
 * and stops before the database closes. A failed sweep is logged and retried on the next tick.
 */
export default fp(
  async (app: FastifyInstance, opts: { everyMs: number | null }) => {
    app.decorate('sweepDue', () => announceNotifications(app.db, app.events, sweepDueNotifications(app.db, app.clock())));
    if (opts.everyMs === null) return;
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        try {
          app.sweepDue();
        } catch (err) {
          app.log.error({ err }, 'due-date sweep failed');
        }
      }, opts.everyMs!);
      // The sweep never keeps the process alive on its own.
      timer.unref();
    });
    app.addHook('preClose', async () => clearInterval(timer));
  },
  { name: 'due-sweep', dependencies: ['db', 'auth', 'sse'] },
);
