import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
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
  414: 'URI too long',
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

/** Requests whose URL the router could not read, and the problem each gets (see badUrl). */
const unreadableUrls = new WeakMap<IncomingMessage, { status: number; code: string; detail: string }>();
/** Where such a request is routed instead: no route has this path, so it reaches the not-found handler. */
const unreadableUrlPath = '/api/_unreadable-url';

/**
 * Fastify's `frameworkErrors`: the router could not read the URL (a malformed %-escape, a
 * parameter over the length limit). Fastify answers these itself, as plain JSON that echoes the
 * URL and skips every hook, so no security headers. Instead the request is routed once more
 * under a path that matches nothing, and the not-found handler answers it as problem+json, with
 * every onRequest/onSend hook run as for any other answer. The URL is not repeated back.
 */
export function badUrl(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem =
    error.code === 'FST_ERR_BAD_URL'
      ? { status: 400, code: 'url.malformed', detail: 'The address contains a malformed %-escape.' }
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? { status: 414, code: 'url.too_long', detail: 'A part of the address is too long.' }
        : { status: 500, code: 'server.error', detail: 'Something went wrong on our side. Try again.' };
  if (problem.status >= 500) request.log.error({ err: error }, 'router error');
  unreadableUrls.set(request.raw, problem);
  request.raw.url = unreadableUrlPath;
  request.server.routing(request.raw, reply.raw);
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
      const unreadable = unreadableUrls.get(request.raw);
      if (unreadable) {
        const errors = unreadable.status < 500 ? [{ path: 'url', message: unreadable.detail }] : undefined;
        return sendProblem(reply, problemOf(unreadable.status, unreadable.code, unreadable.detail, errors ? { errors } : {}));
      }
      const path = request.url.split('?')[0] ?? '/';
      // Client-side routes (/board, /requests/12...) get the single-page app; a missing file
      // (anything under /assets/, or a name with an extension) is a 404, not a page of HTML that a
      // browser would try to run as a script or stylesheet.
      const lastSegment = path.slice(path.lastIndexOf('/') + 1);
      const isFile = path.startsWith('/assets/') || lastSegment.includes('.');
      if (opts.spa && request.method === 'GET' && !isFile && !path.startsWith('/api/') && path !== '/api') {
        return reply.type('text/html').sendFile('index.html');
      }
      return sendProblem(reply, problemOf(404, 'route.not_found', `No route ${request.method} ${path}.`));
    });
  },
  { name: 'errors' },
);
