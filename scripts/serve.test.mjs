import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A stand-in server that, like apps/api/src/server.ts, closes on the first signal and reads a
// second one as "cut the connections now".
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-serve-'));
const fakeServer = path.join(dir, 'server.mjs');
fs.writeFileSync(
  fakeServer,
  `let n = 0;
   const onSignal = (s) => { n++; console.log('got ' + s + ' #' + n); if (n === 1) setTimeout(() => process.exit(0), 300); };
   process.on('SIGINT', onSignal); process.on('SIGTERM', onSignal);
   console.log('ready'); setInterval(() => {}, 1000);`,
);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `command` the way pnpm runs a package script (`sh -c`), in a process group of its own. */
function asPackageScript(command) {
  const child = spawn('sh', ['-c', command], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const ready = async () => {
    while (!out.includes('ready')) await new Promise((r) => setTimeout(r, 20));
  };
  return { child, exited, ready };
}

/** `node -e serve(...)` in a process group of its own, as a shell runs a command in a terminal. */
function wrapper() {
  const program = `import(${JSON.stringify(path.resolve(import.meta.dirname, 'serve.mjs'))}).then((m) => m.serve([${JSON.stringify(fakeServer)}]))`;
  const child = spawn(process.execPath, ['-e', program], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const ready = async () => {
    while (!out.includes('ready')) await new Promise((r) => setTimeout(r, 20));
  };
  return { child, exited, ready, out: () => out };
}

describe('Ctrl-C on pnpm start', () => {
  it('reaches the server once and ends with exit code 0 after it closed', async () => {
    const w = wrapper();
    await w.ready();
    // The terminal sends SIGINT to the whole foreground group; pnpm and npx pass it on again.
    process.kill(-w.child.pid, 'SIGINT');
    process.kill(w.child.pid, 'SIGINT');
    process.kill(w.child.pid, 'SIGINT');
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect(w.out().match(/got SIG\w+/g)).toEqual(['got SIGINT']);
  });

  it('a SIGTERM to the wrapper alone stops the server too', async () => {
    const w = wrapper();
    await w.ready();
    process.kill(w.child.pid, 'SIGTERM');
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect(w.out()).toContain('got SIGTERM #1');
  });

  it('leaves pnpm an exit code 0, not a shell killed by the signal ("ELIFECYCLE Command failed.")', async () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8'));
    for (const name of ['start', 'dev']) {
      const command = scripts[name].replace(/node scripts\/\S+/, `node ${JSON.stringify(fakeServer)}`);
      expect(command).not.toBe(scripts[name]);
      const run = asPackageScript(command);
      await run.ready();
      process.kill(-run.child.pid, 'SIGINT');
      expect(await run.exited).toEqual({ code: 0, signal: null });
    }
  });
});
