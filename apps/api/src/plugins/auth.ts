import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { accessLevels, userMeets, type Access } from '@altitude/shared/domain';
import type { SessionUser } from '@altitude/shared/auth';
import { forbidden, signInRequired } from '../errors';
import { resolveSession, sessionCookie } from '../modules/auth/sessions';

/** What the route table knows of a route: enough for the tests to call every one and check its contract. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  /** The route validates a body. */
  hasBody: boolean;
  /** Its body schema is a zod object that refuses unknown keys (z.strictObject). */
  bodyStrict: boolean;
  /** Status codes (or ranges such as '2xx') with a response schema. */
  responseCodes: string[];
}

/** True for a zod 4 object schema whose unknown keys fail validation (catchall never). */
function isStrictObject(schema: unknown): boolean {
  const def = (schema as { _zod?: { def?: { type?: string; catchall?: { _zod?: { def?: { type?: string } } } } } } | undefined)?._zod?.def;
  return def?.type === 'object' && def.catchall?._zod?.def?.type === 'never';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must declare it. */
    access?: Access;
  }
  interface FastifyInstance {
    clock: () => Date;
    /** Every /api route with its declared access, for the authorisation matrix test. */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

/**
 * The user a signed-in route acts for. The guard already answered 401 on such routes when there
 * was none, so this only turns `request.user`'s type into a certainty (and answers 401 should a
 * route ever declare `anonymous` and still call it).
 */
export function signedInUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw signInRequired();
  return request.user;
}

/**
 * The one guard: each route declares `config.access`, a route under /api without it fails
 * at start-up, and the check runs before the body is even parsed.
 */
export default fp(
  async (app: FastifyInstance, opts: { now?: () => Date }) => {
    await app.register(cookie);
    app.decorate('clock', opts.now ?? (() => new Date()));
    app.decorate('routeTable', []);
    app.decorateRequest('user', null);

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
      const access = route.config?.access;
      if (!access || !accessLevels.includes(access)) {
        throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
      }
      const body = route.schema?.body;
      const facts = {
        hasBody: body !== undefined,
        bodyStrict: isStrictObject(body),
        responseCodes: Object.keys(route.schema?.response ?? {}),
      };
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, access, ...facts });
      }
    });

    app.addHook('onRequest', async (request) => {
      const token = request.cookies[sessionCookie];
      if (token) request.user = resolveSession(app.db, token, app.clock());
      const access = request.routeOptions.config.access;
      if (!access || access === 'anonymous') return;
      if (!request.user) throw signInRequired();
      if (!userMeets(request.user, access)) {
        request.log.warn({ userId: request.user.id, route: request.routeOptions.url, access }, 'authorisation denied');
        throw forbidden();
      }
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
