// The real server as a child process on loopback, as `pnpm start` runs it (tsx, built web app).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export interface Server {
  url: string;
  port: number;
  /** The Node process that runs the app (tsx starts it as a child of its own CLI process). */
  appPid: () => number;
  stop: () => Promise<void>;
  /** Lines the server wrote to stderr, for diagnosing a failed run. */
  stderr: string[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Children of `pid`, read from /proc (Linux). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 is the parent pid; the command name (field 2) may hold spaces, so read after ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** The deepest descendant whose command line runs server.ts: the process that holds the app. */
function findAppPid(rootPid: number): number {
  let pid = rootPid;
  for (let depth = 0; depth < 4; depth++) {
    const next = childrenOf(pid).find((c) => {
      try {
        return fs.readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('server.ts');
      } catch {
        return false;
      }
    });
    if (next === undefined) break;
    pid = next;
  }
  return pid;
}

/** Peak and current resident memory of a process, in MiB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { hwmMiB: number; rssMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { hwmMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
}

/** CPU time (user + system) a process has used so far, in ms; clock ticks are 10 ms on Linux. */
export function cpuTimeMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the file, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Starts the server and checks it serves the web app. The server decides at start-up whether
 * apps/web/dist is there; a build running at that moment (another `pnpm test` or `pnpm start` in
 * this checkout empties the folder first) leaves it API-only, so then it is started again.
 */
/** `env` adds to the server's environment, e.g. TRUST_PROXY for the sign-in flood. */
export async function startServer(databasePath: string, env: Record<string, string> = {}): Promise<Server> {
  const dist = path.join(root, 'apps/web/dist/index.html');
  for (let attempt = 1; ; attempt++) {
    for (let waited = 0; !fs.existsSync(dist) && waited < 120_000; waited += 500) await new Promise((r) => setTimeout(r, 500));
    const server = await startOnce(databasePath, env);
    const res = await fetch(`${server.url}/board`);
    await res.arrayBuffer();
    if (res.ok && (res.headers.get('content-type') ?? '').startsWith('text/html')) return server;
    await server.stop();
    if (attempt === 3) throw new Error(`the server does not serve the web app (GET /board: ${res.status}); is apps/web/dist built?`);
    console.log(`  (the web app was not there when the server started, probably a concurrent build; starting again)`);
  }
}

/** Extra Node flags for the server, e.g. BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it. */
const nodeFlags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);

async function startOnce(databasePath: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(path.join(root, 'node_modules/.bin/tsx'), [...nodeFlags, path.join(root, 'apps/api/src/server.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      ALTITUDE_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  child.stdout!.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr.join('')}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  let appPid: number | null = null;
  return {
    url,
    port,
    stderr,
    appPid: () => (appPid ??= findAppPid(child.pid!)),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Signs in through POST /api/auth/login (no Origin header: not a cross-site write) and returns the Cookie header value. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('altitude_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0]!;
}
