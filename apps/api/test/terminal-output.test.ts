import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { readyBanner } from '../src/banner';
import { loggerOptions } from '../src/logging';
import { freePort, repoRoot } from './server-process';

/**
 * What a person sees in the terminal: the ready banner last and whole, request lines only at
 * debug, readable lines at a terminal and JSON lines otherwise (for log collectors).
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-terminal-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function collector() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

async function appLoggingAt(level: string, name: string) {
  const { lines, stream } = collector();
  const app = await buildApp({ databasePath: path.join(dir, `${name}.db`), logger: { level, stream } });
  for (const url of ['/api/health', '/api/health', '/api/auth/me']) await app.inject({ method: 'GET', url });
  await app.close();
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('request lines', () => {
  it('are not written at the default level (info)', async () => {
    const logged = await appLoggingAt('info', 'info');
    expect(logged.filter((l) => l.req || l.res || typeof l.url === 'string')).toEqual([]);
  });

  it('are written at debug, one per request with method, path and status', async () => {
    const logged = await appLoggingAt('debug', 'debug');
    const requests = logged.filter((l) => typeof l.url === 'string').map((l) => `${l.method} ${l.url} ${l.statusCode}`);
    expect(requests).toEqual(['GET /api/health 200', 'GET /api/health 200', 'GET /api/auth/me 401']);
  });
});

describe('log format', () => {
  it('is one readable line per event at a terminal', async () => {
    const { lines, stream } = collector();
    const app = await buildApp({
      databasePath: path.join(dir, 'pretty.db'),
      logger: loggerOptions({ level: 'info', pretty: true, destination: stream }),
    });
    app.log.info({ userId: 7 }, 'target set');
    await app.close();
    const line = lines.find((l) => l.includes('target set'));
    expect(line).toMatch(/^\[?\d\d:\d\d:\d\d\]? INFO.*target set/);
    expect(line).toContain('userId');
    expect(() => JSON.parse(line!)).toThrow();
  });

  it('is JSON otherwise', async () => {
    const { lines, stream } = collector();
    const app = await buildApp({
      databasePath: path.join(dir, 'json.db'),
      logger: loggerOptions({ level: 'info', pretty: false, destination: stream }),
    });
    app.log.info({ userId: 7 }, 'target set');
    await app.close();
    const entry = lines.map((l) => JSON.parse(l) as { msg?: string; userId?: number; level?: number }).find((l) => l.msg === 'target set');
    expect(entry).toMatchObject({ userId: 7, level: 30 });
  });
});

describe('ready banner', () => {
  it('names the address and every demo account with the shared password', () => {
    const text = readyBanner({
      url: 'http://localhost:3000',
      databasePath: '/srv/altitude.db',
      seeded: true,
      accounts: [
        { email: 'cmo@example.com', role: 'lead' },
        { email: 'sales@example.com', role: 'requester' },
      ],
      password: 'altitude-demo',
    });
    expect(text).toContain('Altitude is running at http://localhost:3000');
    expect(text).toContain('/srv/altitude.db (demo company seeded)');
    expect(text).toContain('password "altitude-demo"');
    expect(text).toMatch(/cmo@example\.com +lead/);
    expect(text).toMatch(/sales@example\.com +requester/);
  });

  it('is the last thing the real server prints, however many requests follow', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/api/src/server.ts')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_PATH: path.join(dir, 'server.db'),
        ALTITUDE_DEMO: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 30_000;
      while (!out.includes('Stop with Ctrl-C.')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no banner: ${out}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      for (let i = 0; i < 20; i++) await fetch(`http://127.0.0.1:${port}/api/health`);
      await fetch(`http://127.0.0.1:${port}/api/auth/me`);
      await new Promise((r) => setTimeout(r, 200));
      const afterBanner = out.slice(out.indexOf('Stop with Ctrl-C.') + 'Stop with Ctrl-C.'.length);
      expect(afterBanner.trim()).toBe('');
      const banner = out.slice(out.indexOf('Altitude is running at'));
      expect(banner.startsWith(`Altitude is running at http://localhost:${port}\nDatabase: `)).toBe(true);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
