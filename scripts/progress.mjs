// A long step shown as one status line (what it is doing, for how long) instead of its raw
// output. The output goes to a log file, printed only when the step fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

/** "42 s", "3 min 05 s". */
export function formatElapsed(ms) {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Measured on a 2-core machine: under 2 min of CPU, 4 min 40 s wall-clock when shared with other work. */
export const sqliteCompileMinutes = '2–6';

/**
 * What a line of `pnpm install --reporter=append-only` says about where the install is, or
 * undefined for a line that changes nothing. better-sqlite3 first tries a prebuilt binary
 * (a "warn" when it is unreachable, which is expected) and otherwise compiles SQLite.
 */
export function installPhase(line) {
  const progress = /^Progress: resolved (\d+), reused \d+, downloaded \d+, added (\d+)/.exec(line);
  // Before the first package lands the counts are not yet meaningful ("resolved 1").
  if (progress) return progress[2] === '0' ? undefined : `packages: ${progress[2]} of ${progress[1]} in place`;
  if (/better-sqlite3 install: .*gyp info/.test(line) || /better-sqlite3 install: .*\b(CC|CXX)\(target\)/.test(line)) {
    return `compiling SQLite's driver, ${sqliteCompileMinutes} min on a 2-core machine`;
  }
  if (/better-sqlite3 install\$/.test(line)) return "fetching SQLite's driver";
  if (/better-sqlite3 install: Done/.test(line)) return "SQLite's driver ready";
  return undefined;
}

/** Where `vite build` is, from its output lines. */
export function buildPhase(line) {
  if (/transforming/.test(line)) return 'transforming modules';
  const transformed = /(\d+) modules transformed/.exec(line);
  if (transformed) return `${transformed[1]} modules transformed, bundling`;
  if (/rendering chunks/.test(line)) return 'writing bundles';
  if (/computing gzip size/.test(line)) return 'measuring bundles';
  return undefined;
}

/**
 * Runs `cmd args` with its output kept out of sight, showing `label`, the current phase and the
 * elapsed time: one line rewritten in place at a terminal, a line per phase (and one every 30 s)
 * otherwise. Resolves to { ok, interrupted, code, signal, ms, logPath }; on a failure that was
 * not a Ctrl-C the last lines of the output have been printed and the log file is kept.
 */
export function runQuietly(label, cmd, args, { phaseOf = () => undefined, cwd, env, out = process.stdout } = {}) {
  const started = Date.now();
  const logPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-')), `${label.toLowerCase().replace(/[^a-z]+/g, '-')}.log`);
  const log = fs.createWriteStream(logPath);
  const tail = [];
  let phase = '';
  let lastPrinted = 0;
  const tty = Boolean(out.isTTY);
  const status = () => `${label}${phase ? `: ${phase}` : ''} · ${formatElapsed(Date.now() - started)}`;
  const show = (force) => {
    if (tty) {
      const width = (out.columns || 100) - 1;
      out.write(`\r\x1b[2K${status().slice(0, width)}`);
    } else if (force || Date.now() - lastPrinted >= 30_000) {
      out.write(`${status()}\n`);
      lastPrinted = Date.now();
    }
  };
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // A Ctrl-C reaches the child through the terminal; a signal sent to us alone is passed on.
  let interrupted = false;
  const forward = (signal) => {
    interrupted = true;
    child.kill(signal);
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, forward);
  const onLine = (line) => {
    log.write(`${line}\n`);
    tail.push(line);
    if (tail.length > 40) tail.shift();
    const next = phaseOf(line);
    if (next !== undefined && next !== phase) {
      phase = next;
      show(!/^packages: /.test(next) || !lastPrinted);
    }
  };
  readline.createInterface({ input: child.stdout }).on('line', onLine);
  readline.createInterface({ input: child.stderr }).on('line', onLine);
  show(true);
  const ticker = setInterval(() => show(false), 1000);
  return new Promise((resolve) => {
    child.on('error', (err) => onLine(String(err)));
    child.on('close', (code, signal) => {
      clearInterval(ticker);
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, forward);
      const ms = Date.now() - started;
      if (tty) out.write('\r\x1b[2K');
      const ok = code === 0;
      log.end(() => {
        if (ok) {
          out.write(`✔ ${label} (${formatElapsed(ms)})\n`);
          fs.rmSync(path.dirname(logPath), { recursive: true, force: true });
        } else if (!signal && !interrupted) {
          out.write(
            `✖ ${label} failed (exit ${code}) after ${formatElapsed(ms)}. Its last lines:\n${tail.join('\n')}\nFull output: ${logPath}\n`,
          );
        }
        resolve({ ok, interrupted: interrupted || Boolean(signal), code, signal, ms, logPath });
      });
    });
  });
}
