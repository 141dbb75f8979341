import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { CreateTimeEntryBody, TimeEntry, TimeEntryList } from '@altitude/shared/activity';
import { Id } from '@altitude/shared/domain';
import { timeEntries } from '../../db/schema';
import { notFound } from '../../errors';
import { recordActivity } from '../activity/record';
import { writeAs } from '../auth/actor';
import { findVisibleRequest } from '../requests/requests.queries';
import { companyTimeZone, todayIn } from '../settings/company-clock';
import { assertLoggableDate } from './entry-dates';

const Params = z.object({ id: Id });

export default async function timeEntryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/requests/:id/time-entries', {
    config: { access: 'signedIn' },
    schema: { tags: ['time'], params: Params, response: { '2xx': TimeEntryList } },
    handler: async (request) => {
      if (!findVisibleRequest(app.db, request.params.id, request.user!)) throw notFound('request');
      const items = app.db.select().from(timeEntries).where(eq(timeEntries.requestId, request.params.id)).orderBy(asc(timeEntries.date), asc(timeEntries.id)).all();
      return { items, totalMinutes: items.reduce((s, e) => s + e.minutes, 0) };
    },
  });

  r.post('/api/requests/:id/time-entries', {
    config: { access: 'marketer' },
    schema: { tags: ['time'], summary: 'Log whole minutes (1 to 1440) on a date from the day the request was filed to today (or the day it closed)', params: Params, body: CreateTimeEntryBody, response: { '2xx': TimeEntry } },
    handler: async (request, reply) => {
      const { id } = request.params;
      const user = request.user!;
      const now = app.clock();
      const entry = writeAs(app.db, user, 'marketer', (tx, actor) => {
        const req = findVisibleRequest(tx, id, actor);
        if (!req) throw notFound('request');
        const today = todayIn(tx, now);
        const date = request.body.date ?? today;
        assertLoggableDate(date, req, today, companyTimeZone(tx));
        const row = tx
          .insert(timeEntries)
          .values({ requestId: id, userId: actor.id, minutes: request.body.minutes, date, note: request.body.note?.trim() ?? '', createdAt: now.toISOString() })
          .returning()
          .get();
        recordActivity(tx, id, actor.id, now.toISOString(), [{ kind: 'time_logged', field: 'minutes', to: row.minutes }]);
        return row;
      });
      const loggedMinutes = app.db.select({ n: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)` }).from(timeEntries).where(eq(timeEntries.requestId, id)).get()?.n ?? 0;
      const req = findVisibleRequest(app.db, id, user)!;
      app.events.publish({ type: 'request.time_logged', requestId: id, loggedMinutes }, { departmentId: req.departmentId, requesterId: req.requesterId });
      return reply.code(201).send(entry);
    },
  });
}
