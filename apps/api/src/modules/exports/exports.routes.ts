import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ReportQuery } from '@altitude/shared/insights';
import { signedInUser } from '../../plugins/auth';
import { periodOf, type ReportPeriod } from '../insights/report-period';
import { hidesPeople } from '../settings/board-view';
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

/** The rows with one column emptied: in the board view, who did the work is left out (the column stays, so the layout does not move). */
function* without<Row, K extends keyof Row>(rows: Iterable<Row>, key: K): Generator<Row> {
  for (const row of rows) yield { ...row, [key]: null };
}

/** CSV downloads for a period, streamed; insights readers (in the board view, without who did the work for anyone but leads). */
export default async function exportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exports'];
  const config = { access: 'insights' } as const;

  r.get('/api/exports/requests.csv', {
    config,
    schema: { tags, summary: 'Requests filed, closed or worked on in the period, as CSV', querystring: ReportQuery },
    handler: async (request, reply) => {
      const period = periodOf(app.db, app.clock(), request.query);
      const rows = requestExportRows(app.db, period);
      const hidden = hidesPeople(app.db, signedInUser(request));
      return sendCsv(reply, 'requests', period, csvStream(hidden ? without(rows, 'assignee') : rows, requestExportColumns));
    },
  });

  r.get('/api/exports/time-entries.csv', {
    config,
    schema: { tags, summary: 'Time entries dated in the period, as CSV', querystring: ReportQuery },
    handler: async (request, reply) => {
      const period = periodOf(app.db, app.clock(), request.query);
      const rows = timeEntryExportRows(app.db, period);
      const hidden = hidesPeople(app.db, signedInUser(request));
      return sendCsv(reply, 'time-entries', period, csvStream(hidden ? without(rows, 'user') : rows, timeEntryExportColumns));
    },
  });
}
