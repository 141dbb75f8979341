import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Timesheet, TimesheetQuery } from '@altitude/shared/timesheet';
import { signedInUser } from '../../plugins/auth';
import { readTimesheet } from './timesheet.service';

export default async function timesheetRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Not read-cached: the answer is one person's and changes with every entry they log.
  r.get('/api/timesheet', {
    config: { access: 'marketer' },
    schema: {
      tags: ['time'],
      summary:
        "One person's Monday..Sunday week: entries with their request and class, totals per day and class, available time and the gap",
      querystring: TimesheetQuery,
      response: { '2xx': Timesheet },
    },
    handler: async (request) => readTimesheet(app.db, signedInUser(request), request.query, app.clock()),
  });
}
