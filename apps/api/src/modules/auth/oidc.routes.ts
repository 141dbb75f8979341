import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuthConfig } from '@altitude/shared/auth';
import type { OidcSettings } from './oidc-config';
import { flowCookie, flowMaxAgeSeconds, openFlow, sealFlow } from './oidc-flow-cookie';
import { oidcClient } from './oidc.service';
import { createSession } from './sessions';
import { setSessionCookie } from './session-cookie';
import { ssoNotConfigured } from './auth.errors';

/**
 * Single sign-on with OpenID Connect (authorisation code, PKCE, state and nonce). Without
 * OIDC_ISSUER both steps answer 404; `GET /api/auth/config` tells the sign-in page what to show.
 */
export default async function oidcRoutes(app: FastifyInstance, opts: { oidc: OidcSettings | null }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settings = opts.oidc;
  const sso = settings ? oidcClient(settings) : null;
  const cookiePath = '/api/auth/oidc';

  r.get('/api/auth/config', {
    config: { access: 'anonymous' },
    schema: { tags: ['auth'], summary: 'Whether single sign-on is on, and whether passwords are off', response: { '2xx': AuthConfig } },
    handler: async () => ({ sso: settings !== null, ssoOnly: settings?.ssoOnly ?? false }),
  });

  r.get('/api/auth/oidc/start', {
    config: { access: 'anonymous' },
    schema: { tags: ['auth'], summary: 'Redirects to the identity provider (404 when single sign-on is not configured)' },
    handler: async (request, reply) => {
      if (!sso) throw ssoNotConfigured();
      let started;
      try {
        started = await sso.start(app.clock());
      } catch (error) {
        request.log.error({ err: error }, 'single sign-on: the provider could not be reached');
        return reply.redirect('/sign-in?error=sso_unavailable');
      }
      reply.setCookie(flowCookie, sealFlow(started.flow), {
        path: cookiePath,
        httpOnly: true,
        // The provider sends the browser back with a top-level GET: lax cookies go with it.
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: flowMaxAgeSeconds,
      });
      return reply.redirect(started.url);
    },
  });

  r.get('/api/auth/oidc/callback', {
    config: { access: 'anonymous' },
    schema: { tags: ['auth'], summary: 'Where the identity provider returns; signs the person in and redirects home' },
    handler: async (request, reply) => {
      if (!sso || !settings) throw ssoNotConfigured();
      const flow = openFlow(request.cookies[flowCookie], app.clock());
      reply.clearCookie(flowCookie, { path: cookiePath });
      if (!flow) return reply.redirect('/sign-in?error=sso_expired');
      // The query as the provider sent it, on the redirect URL it was registered with.
      const callbackUrl = new URL(settings.redirectUrl);
      callbackUrl.search = new URL(request.url, 'http://callback').search;
      let matched;
      try {
        matched = await sso.finish(app.db, callbackUrl, flow, request.log);
      } catch (error) {
        request.log.warn({ err: error }, 'single sign-on refused');
        return reply.redirect('/sign-in?error=sso_failed');
      }
      if (!matched.ok) return reply.redirect(`/sign-in?error=sso_${matched.reason}`);
      const { token } = createSession(app.db, matched.user.id, request.ip, app.clock());
      setSessionCookie(request, reply, token);
      return reply.redirect('/');
    },
  });
}
