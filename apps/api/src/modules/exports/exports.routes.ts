import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ReportQuery } from '@altitude/shared/insights';
import { periodOf, type ReportPeriod } from '../insights/report-period';
import { csvStream } from './csv';
import { requestExportColumns, requestExportRows } from './requests-export';
import { timeEntryExportColumns, timeEntryExportRows } from './time-entries-export';

function sendCsv(reply: FastifyReply, name: string, period: ReportPeriod, body: NodeJS.ReadableStream) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="altitude-${name}-${period.from}-to-${period.to}.csv"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}

/** CSV downloads for a period, streamed; leads only. */
export default async function exportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exports'];
  const config = { access: 'insights' } as const;

  r.get('/api/exports/requests.csv', {
    config,
    schema: { tags, summary: 'Requests filed, closed or worked on in the period, as CSV', querystring: ReportQuery },
    handler: async (request, reply) => {
      const period = periodOf(app.db, app.clock(), request.query);
      return sendCsv(reply, 'requests', period, csvStream(requestExportRows(app.db, period), requestExportColumns));
    },
  });

  r.get('/api/exports/time-entries.csv', {
    config,
    schema: { tags, summary: 'Time entries dated in the period, as CSV', querystring: ReportQuery },
    handler: async (request, reply) => {
      const period = periodOf(app.db, app.clock(), request.query);
      return sendCsv(reply, 'time-entries', period, csvStream(timeEntryExportRows(app.db, period), timeEntryExportColumns));
    },
  });
}
