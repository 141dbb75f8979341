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
import { ServiceLevels, ServiceLevelsQuery } from '@altitude/shared/service-levels';
import { readServiceLevels } from './service-levels.service';

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

  r.get('/api/reports/service-levels', {
    config,
    schema: {
      tags,
      summary:
        'Service levels per type, requesting department or assigned marketer (`none`: unassigned); every group with a request filed or delivered in the period. ' +
        'delivered: done with completedAt in the period (company time zone); onTime: of those, SLA state `met` (delivered by 17:00 on the expected-by date, pauses taken out); onTimeShare: null when none was delivered. ' +
        'Over requests filed in the period: filed; medianFirstResponseMinutes: median business minutes from filing to firstResponseAt (of those that have one; mean of the two middle values for an even count); ' +
        'pausedMinutes: business minutes paused, finished pauses plus the one running; needsInfoRounds: rounds per request filed; rushCount: rushes filed. ' +
        'Board view: groupBy=assignee answers no groups and peopleHidden to anyone but a lead',
      querystring: ServiceLevelsQuery,
      response: { '2xx': ServiceLevels },
    },
    handler: async (request) => readServiceLevels(app.db, period(request.query), request.query.groupBy, app.clock(), hidden(request)),
  });

  r.get('/api/reports/insights', {
    config,
    schema: {
      tags,
      summary: 'Plain-language insights with their figures, most important first',
      querystring: ReportQuery,
      response: { '2xx': InsightList },
    },
    handler: async (request) => readInsights(app.db, period(request.query), hidden(request), app.clock()),
  });
}
