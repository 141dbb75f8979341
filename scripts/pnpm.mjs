// Runs pnpm without a global install: reuses the pnpm that launched us, else npx fetches the pinned one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
const pinned = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager;

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts, env: { ...process.env, ...opts.env } });
  if (res.status !== 0) {
    console.error(`\n✖ ${[cmd, ...args].join(' ')} failed (exit ${res.status ?? res.signal})`);
    process.exit(res.status ?? 1);
  }
}

export function pnpm(args, opts) {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(execpath)) run(process.execPath, [execpath, ...args], opts);
  else run('npx', ['--yes', pinned, ...args], opts);
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = path.join(root, 'node_modules/.modules.yaml');
  const lock = path.join(root, 'pnpm-lock.yaml');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('Installing dependencies (first run compiles SQLite, about a minute)…');
  pnpm(['install', '--frozen-lockfile']);
}

export const bin = (name) => path.join(root, 'node_modules/.bin', name);
