import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** Helpers for tests that run the real server as a separate process, as production does. */

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
const serverEntry = path.join(repoRoot, 'apps/api/src/server.ts');
// `node --import tsx` runs the TypeScript in this very process: a signal sent to the child
// reaches the server itself, not a wrapper (the tsx binary would run it in a grandchild).
const nodeArgs = ['--import', 'tsx'];

export const leadEmail = 'lead@example.com';
export const leadPassword = 'a-durable-lead-password';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh database with the baseline catalogue and one lead, made with the user:create CLI. */
export function createLead(databasePath: string): void {
  const res = spawnSync(
    process.execPath,
    [
      ...nodeArgs,
      path.join(repoRoot, 'apps/api/src/cli/user-create.ts'),
      '--email',
      leadEmail,
      '--name',
      'Durable Lead',
      '--password',
      leadPassword,
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_PATH: databasePath },
      encoding: 'utf8',
    },
  );
  if (res.status !== 0) throw new Error(`user:create failed: ${res.stderr}${res.stdout}`);
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first healthy answer. */
  readyMs: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the server wrote to stderr, for failure messages. */
  stderr(): string;
}

const started = new Set<ChildProcess>();

/** Kills (SIGKILL) every server this test file started that is still running; for afterAll. */
export async function killStartedServers(): Promise<void> {
  await Promise.all(
    [...started].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await gone;
      }
      started.delete(child);
    }),
  );
}

/**
 * Starts `apps/api/src/server.ts` on `port` and resolves once /api/health answers 200. Demo
 * seeding is off unless `env` says otherwise; a variable set to undefined is left out, so
 * `{ ALTITUDE_DEMO: undefined }` starts with the default settings.
 */
export async function startServer(
  databasePath: string,
  port: number,
  env: Record<string, string | undefined> = {},
  { readyTimeoutMs = 30_000 } = {},
): Promise<ServerProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, serverEntry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      ALTITUDE_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.add(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-4000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (gone) throw new Error(`server exited before it was ready: ${err}`);
    if (performance.now() - spawnedAt > readyTimeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${readyTimeoutMs / 1000} s: ${err}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { child, url, readyMs: performance.now() - spawnedAt, exited, stderr: () => err };
}

/** Signs in over HTTP and returns the Cookie header value. */
export async function signInOverHttp(url: string, email = leadEmail, password = leadPassword): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('altitude_session='));
  if (!setCookie) throw new Error('no session cookie');
  return setCookie.split(';')[0]!;
}
