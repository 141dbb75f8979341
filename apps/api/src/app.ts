import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import dbPlugin from './plugins/db';
import errorsPlugin, { badUrl } from './plugins/errors';
import securityPlugin from './plugins/security';
import authPlugin from './plugins/auth';
import healthRoutes from './modules/health/health.routes';
import authRoutes from './modules/auth/auth.routes';
import departmentRoutes from './modules/departments/departments.routes';
import requestTypeRoutes from './modules/request-types/request-types.routes';
import kitOutcomeRoutes from './modules/request-types/kit-outcomes.routes';
import userRoutes from './modules/users/users.routes';
import requestRoutes from './modules/requests/requests.routes';
import departmentServiceRoutes from './modules/service-levels/department-service.routes';
import boardRoutes from './modules/board/board.routes';
import timeEntryRoutes from './modules/requests/time-entries.routes';
import commentRoutes from './modules/requests/comments.routes';
import activityRoutes from './modules/requests/activity.routes';
import similarRoutes from './modules/similar/similar.routes';
import eventRoutes from './modules/events/events.routes';
import insightRoutes from './modules/insights/insights.routes';
import forecastRoutes from './modules/insights/forecast.routes';
import exportRoutes from './modules/exports/exports.routes';
import settingsRoutes from './modules/settings/settings.routes';
import timesheetRoutes from './modules/timesheet/timesheet.routes';
import workingTimeRoutes from './modules/working-time/working-time.routes';
import needsInfoRoutes from './modules/service-levels/needs-info.routes';
import tradeOffRoutes from './modules/capacity/trade-off.routes';
import reserveOverrideRoutes from './modules/capacity/reserve-overrides.routes';
import accountRoutes from './modules/auth/account.routes';
import oidcRoutes from './modules/auth/oidc.routes';
import type { OidcSettings } from './modules/auth/oidc-config';
import outboxRoutes from './modules/mail/outbox.routes';
import invitationRoutes from './modules/invitations/invitations.routes';
import capacityRoutes from './modules/capacity/capacity.routes';
import attachmentRoutes from './modules/attachments/attachments.routes';
import { filesFolderFor } from './db/files-folder';
import initiativeRoutes from './modules/initiatives/initiatives.routes';
import notificationRoutes from './modules/notifications/notifications.routes';
import dueSweepPlugin from './plugins/due-sweep';
import unsubscribeRoutes from './modules/digests/unsubscribe.routes';
import ssePlugin from './plugins/sse';
import mailPlugin from './plugins/mail';
import schedulerPlugin, { defaultSchedule, type ScheduleOptions } from './plugins/scheduler';
import type { SmtpSettings } from './modules/mail/sender';
import readCachePlugin from './plugins/read-cache';
import cacheControlPlugin, { staticCacheControl } from './plugins/cache-control';
import { defaultLimits, type Limits } from './limits';
import { RequestLogAtDebug } from './request-log';
import type { TrustProxy } from './config';

export interface AppOptions {
  databasePath: string;
  /** Folder of the built web app to serve, or null for an API-only app. */
  webRoot?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Injectable clock, so session expiry can be tested without waiting. */
  now?: () => Date;
  /** Sees each route as it is registered, schemas included (the fuzz test generates inputs from them). */
  onRoute?: (route: RouteOptions) => void;
  /** Timeouts and caps; the defaults of `limits.ts` for any left out. */
  limits?: Partial<Limits>;
  /** TRUST_PROXY (config.ts): whose X-Forwarded-For/-Proto set request.ip and request.protocol. Off by default. */
  trustProxy?: TrustProxy;
  /** SMTP_URL and MAIL_FROM (null or absent: messages are kept in the outbox), PUBLIC_URL for links in emails. */
  mail?: { smtp: SmtpSettings | null; publicUrl: string | null };
  /** How often the due-soon / overdue sweep runs (a minute in production); absent or null: never on a timer, as in tests. */
  dueSweepEveryMs?: number | null;
  /** The mail schedule (plugins/scheduler.ts); on, with a 3-minute batch window, unless told otherwise. */
  schedule?: Partial<ScheduleOptions>;
  /** Checkpoint the WAL on a worker thread (db/checkpointer.ts), as the server does; absent: SQLite's own checkpoints. */
  checkpointInBackground?: boolean;
  /** Commit moves and filings on a writer thread (writer/writer.ts), as the server does; absent: on the main thread. */
  writerThread?: boolean;
  /** Single sign-on (OIDC_* and SSO_ONLY, config.ts); null or absent: passwords only. */
  oidc?: OidcSettings | null;
}

/**
 * Fastify's own hop count refuses to trust anyone (it cannot check the peer), so a count
 * becomes a function: the first `hops` peers, counting from the socket, are proxies. With one
 * hop, request.ip is the address the proxy appended to X-Forwarded-For (what the client wrote
 * before it is ignored) and request.protocol the proxy's X-Forwarded-Proto.
 */
function fastifyTrustProxy(trust: TrustProxy | undefined) {
  if (!trust) return false;
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return trust;
}

/** Composes the whole app; every plugin and module is registered here, in the open. */
export async function buildApp(opts: AppOptions) {
  const limits: Limits = { ...defaultLimits, ...opts.limits };
  // Node refuses a headers timeout longer than the request timeout: the whole request includes its headers.
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  const app = Fastify({
    logger: opts.logger ?? false,
    logController: new RequestLogAtDebug(),
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    // Requests arriving while the server closes get a problem+json 503 from the errors plugin.
    return503OnClosing: false,
    // Fastify's default of 0 also turns Node's off: a body trickled a byte at a time would hold
    // its socket forever. The timeout covers receiving the request only, so a GET event stream
    // (received at once) lives on; the heartbeat and the stream's own caps govern it.
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout,
      // Node checks the two timeouts on this interval (30 s by default), so a stalled request is
      // cut between timeout and timeout + interval.
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(headersTimeout / 2))),
    },
    frameworkErrors: badUrl,
    trustProxy: fastifyTrustProxy(opts.trustProxy),
  });
  // Past the cap, Node closes a new socket at once, before it costs a request.
  app.server.maxConnections = limits.maxConnections;
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const spa = Boolean(opts.webRoot && fs.existsSync(`${opts.webRoot}/index.html`));
  await app.register(errorsPlugin, { spa });
  await app.register(dbPlugin, {
    databasePath: opts.databasePath,
    checkpointInBackground: opts.checkpointInBackground ?? false,
    writerThread: opts.writerThread ?? false,
  });
  await app.register(securityPlugin);
  await app.register(cacheControlPlugin);
  await app.register(authPlugin, { now: opts.now });
  await app.register(ssePlugin, { limits });
  await app.register(mailPlugin, { smtp: opts.mail?.smtp ?? null, publicUrl: opts.mail?.publicUrl ?? null });
  await app.register(schedulerPlugin, { ...defaultSchedule, ...opts.schedule });
  await app.register(readCachePlugin);
  await app.register(dueSweepPlugin, { everyMs: opts.dueSweepEveryMs ?? null });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Altitude API',
        version: '1.0.0',
        description: 'Marketing request tracker. Errors are application/problem+json (RFC 9457).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'altitude_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(healthRoutes);
  const ssoOnly = opts.oidc?.ssoOnly ?? false;
  await app.register(authRoutes, { ssoOnly });
  await app.register(accountRoutes, { ssoOnly });
  await app.register(oidcRoutes, { oidc: opts.oidc ?? null });
  await app.register(departmentRoutes);
  await app.register(requestTypeRoutes);
  await app.register(kitOutcomeRoutes);
  await app.register(userRoutes);
  await app.register(requestRoutes);
  await app.register(departmentServiceRoutes);
  await app.register(boardRoutes);
  await app.register(timeEntryRoutes);
  await app.register(commentRoutes);
  await app.register(activityRoutes);
  await app.register(similarRoutes);
  await app.register(eventRoutes);
  await app.register(insightRoutes);
  await app.register(forecastRoutes);
  await app.register(exportRoutes);
  await app.register(settingsRoutes);
  await app.register(timesheetRoutes);
  await app.register(workingTimeRoutes);
  await app.register(needsInfoRoutes);
  await app.register(tradeOffRoutes);
  await app.register(reserveOverrideRoutes);
  await app.register(outboxRoutes);
  await app.register(invitationRoutes);
  await app.register(capacityRoutes);
  await app.register(attachmentRoutes, { folder: filesFolderFor(opts.databasePath), maxBytes: limits.attachmentMaxBytes });
  await app.register(initiativeRoutes);
  await app.register(notificationRoutes);
  await app.register(unsubscribeRoutes);

  if (spa && opts.webRoot) {
    const root = opts.webRoot;
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      // The build writes name.br and name.gz beside each text file (apps/web/precompress.ts):
      // they are sent as they are, by the client's Accept-Encoding, with Vary: Accept-Encoding.
      // They get no routes of their own; a file without them is sent uncompressed.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      // Also applies to index.html sent as the fallback for client-side routes.
      setHeaders: (reply, filePath) => void reply.header('cache-control', staticCacheControl(path.relative(root, filePath))),
    });
  }
  return app;
}
