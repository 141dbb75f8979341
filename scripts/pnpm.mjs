// Runs pnpm without a global install: reuses the pnpm that launched us, else npx fetches the pinned one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildPhase, installPhase, runQuietly } from './progress.mjs';

export const root = path.resolve(import.meta.dirname, '..');
const pinned = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager;

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts, env: { ...process.env, ...opts.env } });
  if (res.status !== 0) {
    console.error(`\n✖ ${[cmd, ...args].join(' ')} failed (exit ${res.status ?? res.signal})`);
    process.exit(res.status ?? 1);
  }
}

/** The command line that runs pnpm with `args`. */
function pnpmCommand(args) {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(execpath)) return [process.execPath, [execpath, ...args]];
  return ['npx', ['--yes', pinned, ...args]];
}

export function pnpm(args, opts) {
  const [cmd, full] = pnpmCommand(args);
  run(cmd, full, opts);
}

/** A quiet step (progress.mjs) that ends the script when it fails; a Ctrl-C meanwhile is a clean stop. */
async function step(label, args, phaseOf) {
  const [cmd, full] = pnpmCommand(args);
  const res = await runQuietly(label, cmd, full, { cwd: root, phaseOf });
  if (res.ok) return;
  if (res.interrupted) {
    console.log(`\nStopped (${label.toLowerCase()} interrupted).`);
    process.exit(0);
  }
  process.exit(res.code ?? 1);
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export async function ensureInstalled() {
  const marker = path.join(root, 'node_modules/.modules.yaml');
  const lock = path.join(root, 'pnpm-lock.yaml');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  // The install's own output (hundreds of lines, and a "warn" when SQLite's prebuilt driver cannot
  // be downloaded, which is then compiled) stays in a log; we show what it is doing instead.
  await step('Installing dependencies', ['install', '--frozen-lockfile', '--reporter=append-only'], installPhase);
}

/** `vite build` of the web app, shown as progress (its asset table is in the log on failure). */
export async function buildWebApp() {
  await step('Building the web app', ['--filter', '@altitude/web', 'run', 'build'], buildPhase);
}

export const bin = (name) => path.join(root, 'node_modules/.bin', name);
