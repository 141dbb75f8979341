import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInUser } from '../../plugins/auth';
import {
  BoardViewSettings,
  CompanySettings,
  PutBoardViewBody,
  PutCompanyBody,
  PutTargetBody,
  PutWipLimitBody,
  Target,
  TargetList,
  TargetParams,
  WorkflowColumn,
  WorkflowColumnList,
  WorkflowParams,
} from '@altitude/shared/settings';
import {
  listTargets,
  listWorkflow,
  putBoardView,
  putCompany,
  putTarget,
  putWipLimit,
  readBoardView,
  readCompany,
} from './settings.service';

/** The lead's settings: strategic-share targets, WIP limits, the company time zone and the board view. */
export default async function settingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];

  r.get('/api/settings/targets', {
    config: { access: 'lead' },
    schema: { tags, summary: 'Strategic-share targets per quarter (0 to 1), oldest first', response: { '2xx': TargetList } },
    handler: async () => listTargets(app.db),
  });

  r.put('/api/settings/targets/:periodStart', {
    config: { access: 'lead' },
    schema: {
      tags,
      summary: "Set a quarter's strategic-share target; `periodStart` is the quarter's first day",
      params: TargetParams,
      body: PutTargetBody,
      response: { '2xx': Target },
    },
    handler: async (request) => {
      const actor = signedInUser(request);
      request.log.info(
        { userId: actor.id, periodStart: request.params.periodStart, strategicShare: request.body.strategicShare },
        'target set',
      );
      return putTarget(app.db, actor, request.params.periodStart, request.body.strategicShare);
    },
  });

  r.get('/api/settings/workflow', {
    config: { access: 'lead' },
    schema: { tags, summary: 'WIP limit per board column, in workflow order (null: no limit)', response: { '2xx': WorkflowColumnList } },
    handler: async () => listWorkflow(app.db),
  });

  r.put('/api/settings/workflow/:status', {
    config: { access: 'lead' },
    schema: {
      tags,
      summary: "Set or clear (null) a column's WIP limit",
      params: WorkflowParams,
      body: PutWipLimitBody,
      response: { '2xx': WorkflowColumn },
    },
    handler: async (request) => putWipLimit(app.db, signedInUser(request), request.params.status, request.body.wipLimit),
  });

  r.get('/api/settings/company', {
    config: { access: 'lead' },
    schema: { tags, summary: 'Company-wide settings: the time zone reports count calendar dates in', response: { '2xx': CompanySettings } },
    handler: async () => readCompany(app.db),
  });

  r.put('/api/settings/company', {
    config: { access: 'lead' },
    schema: { tags, summary: 'Change the company time zone (an IANA name)', body: PutCompanyBody, response: { '2xx': CompanySettings } },
    handler: async (request) => {
      const actor = signedInUser(request);
      request.log.info({ userId: actor.id, timezone: request.body.timezone }, 'company time zone set');
      return putCompany(app.db, actor, request.body.timezone);
    },
  });

  // Insights readers read it too: their page says when per-person figures are hidden.
  r.get('/api/settings/board-view', {
    config: { access: 'insights' },
    schema: {
      tags,
      summary: 'Whether Insights hides per-person figures from everyone but leads (the board view)',
      response: { '2xx': BoardViewSettings },
    },
    handler: async () => readBoardView(app.db),
  });

  r.put('/api/settings/board-view', {
    config: { access: 'lead' },
    schema: {
      tags,
      summary: 'Switch the board view on or off',
      body: PutBoardViewBody,
      response: { '2xx': BoardViewSettings },
    },
    handler: async (request) => {
      const actor = signedInUser(request);
      request.log.info({ userId: actor.id, boardView: request.body.boardView }, 'board view set');
      return putBoardView(app.db, actor, request.body.boardView);
    },
  });
}
