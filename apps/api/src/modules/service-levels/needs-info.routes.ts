import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '@altitude/shared/domain';
import { Request } from '@altitude/shared/requests';
import { AnswerBody, NeedsInfoBody, NeedsInfoRoundList } from '@altitude/shared/service-levels';
import { signedInUser } from '../../plugins/auth';
import type { Deps } from '../requests/requests.service';
import { answerRequester, askRequester, readRounds } from './needs-info.service';

const Params = z.object({ id: Id });

/** Needs info: marketing asks the requester a question, the SLA clock pauses until they answer. */
export default async function needsInfoRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps: Deps = { db: app.db, events: app.events, now: app.clock };
  const tags = ['needs info'];

  r.get('/api/requests/:id/needs-info', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: "A request's needs-info rounds (question and answer), oldest first",
      params: Params,
      response: { '2xx': NeedsInfoRoundList },
    },
    handler: async (request) => readRounds(app.db, signedInUser(request), request.params.id),
  });

  r.post('/api/requests/:id/needs-info', {
    config: { access: 'marketer' },
    schema: {
      tags,
      summary:
        'Ask the requester a question: the request waits on them and its SLA clock pauses (409 when stale, closed or already waiting)',
      params: Params,
      body: NeedsInfoBody,
      response: { '2xx': Request },
    },
    handler: async (request) => askRequester(deps, signedInUser(request), request.params.id, request.body),
  });

  r.post('/api/requests/:id/answer', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: "Answer marketing's open question (the requester or their department): the SLA clock resumes (409 when nothing is asked)",
      params: Params,
      body: AnswerBody,
      response: { '2xx': Request },
    },
    handler: async (request) => answerRequester(deps, signedInUser(request), request.params.id, request.body),
  });
}
