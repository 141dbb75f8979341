import path from 'node:path';
import { readLimits, type Limits } from './limits';

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  demo: boolean;
  /** Where the built web app lives; absent in API-only runs such as tests. */
  webRoot: string | null;
  logLevel: string;
  /** Timeouts, connection and stream caps. */
  limits: Limits;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databasePath: path.resolve(repoRoot, env.DATABASE_PATH ?? 'data/altitude.db'),
    demo: env.ALTITUDE_DEMO !== '0',
    webRoot: path.resolve(repoRoot, 'apps/web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    limits: readLimits(env),
  };
}
