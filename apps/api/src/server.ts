import { buildApp } from './app';
import { readyBanner } from './banner';
import { readConfig } from './config';
import { seedBaseline } from './db/seed/baseline';
import { isDatabaseEmpty, seedDemo } from './db/seed/demo';
import { demoAccounts, demoPassword } from './db/seed/demo-catalog';
import { loggerOptions } from './logging';
import { backfillExpectedBy } from './modules/service-levels/backfill';

const config = readConfig();
const app = await buildApp({
  databasePath: config.databasePath,
  webRoot: config.webRoot,
  logger: loggerOptions({ level: config.logLevel, pretty: Boolean(process.stdout.isTTY) }),
  limits: config.limits,
  trustProxy: config.trustProxy,
  mail: { smtp: config.smtp, publicUrl: config.publicUrl },
  dueSweepEveryMs: 60_000,
  oidc: config.oidc,
  checkpointInBackground: true,
  writerThread: true,
});

let seeded = false;
if (isDatabaseEmpty(app.db)) {
  if (config.demo) {
    await seedDemo(app.db);
    seeded = true;
  } else {
    seedBaseline(app.db);
  }
}
// Requests from before service levels (or seeded without them) get their clock once.
backfillExpectedBy(app.db);

/**
 * SIGTERM or SIGINT: stop accepting, let in-flight requests finish, end event streams, then
 * checkpoint and close the database. A client that keeps a request open past the grace period
 * (SHUTDOWN_GRACE_MS, 10 s), or a second signal, cuts the remaining connections; the database
 * is still closed cleanly either way.
 */
const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) {
    app.log.warn({ signal }, 'second signal: cutting open connections');
    app.server.closeAllConnections();
    return;
  }
  stopping = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  const grace = setTimeout(() => {
    app.log.warn({ graceMs }, 'requests still open after the grace period: cutting them');
    app.server.closeAllConnections();
  }, graceMs);
  grace.unref();
  try {
    await app.close();
    app.log.info('stopped: database closed');
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
const url = `http://${['0.0.0.0', '127.0.0.1', '::', '::1'].includes(config.host) ? 'localhost' : config.host}:${config.port}`;
const demoListed = config.demo && !isDatabaseEmpty(app.db);
console.log(
  readyBanner({ url, databasePath: config.databasePath, seeded, accounts: demoListed ? demoAccounts : [], password: demoPassword }),
);
