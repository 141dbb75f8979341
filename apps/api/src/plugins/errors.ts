import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '@altitude/shared/problem';
import { HttpProblem } from '../errors';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'body.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body.empty',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'body.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'body.invalid_length',
};

export function sendProblem(reply: FastifyReply, problem: Problem & Record<string, unknown>) {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

function problemOf(status: number, code: string, detail: string, rest: Partial<Problem> = {}) {
  return { type: `https://altitude.dev/problems/${code}`, title: titles[status] ?? 'Error', status, code, detail, ...rest };
}

/** One place turns every failure into RFC 9457 problem+json; 5xx details never leave the server. */
export default fp(
  async (app: FastifyInstance, opts: { spa: boolean }) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof HttpProblem) {
        // A 429 or 503 that knows when to come back says so in the header clients and proxies
        // read (RFC 9110 Retry-After, whole seconds), as well as in the body.
        const retryAfter = error.extra?.retryAfterSeconds;
        if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
        return sendProblem(reply, {
          ...error.extra,
          ...problemOf(error.status, error.code, error.message, error.errors ? { errors: error.errors } : {}),
        });
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const context = (error as { validationContext?: string }).validationContext ?? 'body';
        const errors = error.validation.flatMap((v) => {
          const base = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
          const message = v.message ?? 'is invalid';
          // The provider puts the zod issue code in `keyword` and the rest of the issue in `params`.
          const keys = (v.params as { keys?: unknown } | undefined)?.keys;
          // Name each offending field itself, not the object that holds it.
          if (v.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length) {
            return keys.map((k) => ({ path: base ? `${base}.${String(k)}` : String(k), message }));
          }
          return [{ path: base || context, message }];
        });
        const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
        return sendProblem(reply, problemOf(400, 'validation.failed', detail, { errors }));
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'unhandled error');
        return sendProblem(reply, problemOf(500, 'server.error', 'Something went wrong on our side. Try again.'));
      }
      // Fastify's own 4xx (malformed JSON, body too large, unsupported media type...).
      const code = fastifyCodes[error.code] ?? (error instanceof SyntaxError ? 'body.malformed_json' : 'request.invalid');
      const errors = status === 400 ? [{ path: 'body', message: error.message }] : undefined;
      return sendProblem(reply, problemOf(status, code, error.message, errors ? { errors } : {}));
    });

    // A request that arrives once shutdown has begun is refused as problem+json (Fastify's own
    // 503 is plain JSON); requests already under way finish. The connection closes after it.
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onRequest', async (_request, reply) => {
      if (!closing) return;
      reply.header('retry-after', '1');
      return sendProblem(reply, problemOf(503, 'server.shutting_down', 'The server is restarting. Try again in a moment.'));
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      // Client-side routes (/board, /requests/12...) get the single-page app.
      if (opts.spa && request.method === 'GET' && !path.startsWith('/api/') && path !== '/api') {
        return reply.type('text/html').sendFile('index.html');
      }
      return sendProblem(reply, problemOf(404, 'route.not_found', `No route ${request.method} ${path}.`));
    });
  },
  { name: 'errors' },
);
