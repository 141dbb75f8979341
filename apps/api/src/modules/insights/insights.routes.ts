import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Flow, HandBack, Headline, InsightList, ReportQuery, TimeSplit, TimeSplitQuery } from '@altitude/shared/insights';
import { signedInUser } from '../../plugins/auth';
import { hidesPeople } from '../settings/board-view';
import { readFlow } from './flow.service';
import { readHandBack } from './hand-back.queries';
import { readHeadline } from './headline.service';
import { readOverrides } from './overrides.service';
import { readInsights } from './insights.service';
import { periodOf } from './report-period';
import { readTimeSplit } from './time-split.service';
import { Overrides } from '@altitude/shared/overrides';

/** The Insights page's reports, for insights readers (leads and people granted Insights). Periods are company calendar dates, last four weeks by default. */
export default async function insightRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const config = { access: 'insights', cache: 'shared' } as const;
  const period = (query: ReportQuery) => periodOf(app.db, app.clock(), query);
  // The board view leaves per-person figures out for everyone but leads; the read cache keys by
  // role and by SQLite's change counter, so a switch of the setting is never answered from cache.
  const hidden = (request: FastifyRequest) => hidesPeople(app.db, signedInUser(request));

  r.get('/api/reports/time-split', {
    config,
    schema: {
      tags,
      summary:
        'Minutes per class (strategic, tactical, unclassified) per group, with the strategic share, the target and the previous period',
      querystring: TimeSplitQuery,
      response: { '2xx': TimeSplit },
    },
    handler: async (request) => readTimeSplit(app.db, period(request.query), request.query.groupBy, hidden(request)),
  });

  r.get('/api/reports/headline', {
    config,
    schema: {
      tags,
      summary: 'Strategic share against target, hours logged, requests received and delivered, each against the previous period',
      querystring: ReportQuery,
      response: { '2xx': Headline },
    },
    handler: async (request) => readHeadline(app.db, period(request.query)),
  });

  r.get('/api/reports/flow', {
    config,
    schema: {
      tags,
      summary: 'Cycle time median and 85th percentile by class and type, weekly throughput, ageing work in progress',
      querystring: ReportQuery,
      response: { '2xx': Flow },
    },
    handler: async (request) => readFlow(app.db, period(request.query), app.clock(), hidden(request)),
  });

  r.get('/api/reports/hand-back', {
    config,
    schema: {
      tags,
      summary: 'Tactical types one department files repeatedly at low effort each: candidates for self-service',
      querystring: ReportQuery,
      response: { '2xx': HandBack },
    },
    handler: async (request) => readHandBack(app.db, period(request.query)),
  });

  r.get('/api/reports/overrides', {
    config,
    schema: {
      tags,
      summary:
        "Requests classified against their type's default with time in the period, by department and by who classified, and how far they move the strategic share",
      querystring: ReportQuery,
      response: { '2xx': Overrides },
    },
    handler: async (request) => readOverrides(app.db, period(request.query), signedInUser(request)),
  });

  r.get('/api/reports/insights', {
    config,
    schema: {
      tags,
      summary: 'Plain-language insights with their figures, most important first',
      querystring: ReportQuery,
      response: { '2xx': InsightList },
    },
    handler: async (request) => readInsights(app.db, period(request.query), hidden(request)),
  });
}
