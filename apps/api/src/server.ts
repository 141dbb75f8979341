import { buildApp } from './app';
import { readConfig } from './config';
import { seedBaseline } from './db/seed/baseline';
import { isDatabaseEmpty, seedDemo } from './db/seed/demo';
import { demoAccounts, demoPassword } from './db/seed/demo-catalog';

const config = readConfig();
const app = await buildApp({
  databasePath: config.databasePath,
  webRoot: config.webRoot,
  logger: { level: config.logLevel },
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

const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
const lines = [`\nAltitude is running at ${url}`, `Database: ${config.databasePath}${seeded ? ' (demo company seeded)' : ''}`];
if (config.demo && !isDatabaseEmpty(app.db)) {
  lines.push(`Demo accounts (password "${demoPassword}"):`, ...demoAccounts.map((a) => `  ${a.email.padEnd(24)} ${a.role}`));
}
console.log(lines.join('\n') + '\n');
