import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ReportQuery } from '@altitude/shared/insights';
import { Coverage, HolidayList, PutHolidaysBody } from '@altitude/shared/working-time';
import { signedInUser } from '../../plugins/auth';
import { periodOf } from '../insights/report-period';
import { hidesPeople } from '../settings/board-view';
import { putHolidays, readCoverage, readHolidays } from './working-time.service';

/** Working time: the company's holidays (set by leads) and coverage, logged against available time. */
export default async function workingTimeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/settings/holidays', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['settings'],
      summary: 'Company holidays, earliest first, with the company time zone (the business calendar of every service-level date)',
      response: { '2xx': HolidayList },
    },
    handler: async () => readHolidays(app.db),
  });

  r.put('/api/settings/holidays', {
    config: { access: 'lead' },
    schema: {
      tags: ['settings'],
      summary: 'Replace the company holidays with this list (a date at most once); answers the list earliest first',
      body: PutHolidaysBody,
      response: { '2xx': HolidayList },
    },
    handler: async (request) => {
      const actor = signedInUser(request);
      request.log.info({ userId: actor.id, holidays: request.body.items.length }, 'holidays set');
      return putHolidays(app.db, actor, request.body.items);
    },
  });

  r.get('/api/reports/coverage', {
    // The cache key holds the role, and the board-view switch is a write (a new key): hidden and shown answers never mix.
    config: { access: 'insights', cache: 'shared' },
    schema: {
      tags: ['reports'],
      summary: "Time logged against the team's available working time (weekly hours less company holidays), for the team and per person",
      querystring: ReportQuery,
      response: { '2xx': Coverage },
    },
    handler: async (request) => {
      const period = periodOf(app.db, app.clock(), request.query);
      return readCoverage(app.db, period, hidesPeople(app.db, signedInUser(request)));
    },
  });
}
