import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// One temp database per run; workers inherit the variable from the main process.
process.env.E2E_DATABASE ??= path.join(os.tmpdir(), `altitude-e2e-${Date.now()}`, 'altitude.db');
const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous bounds: a 2-core CI machine compiling or running other suites slows pages several-fold;
  // a real failure still fails, just later.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx apps/api/src/server.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: process.env.E2E_DATABASE, LOG_LEVEL: 'warn' },
  },
});
