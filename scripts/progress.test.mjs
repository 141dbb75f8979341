import { PassThrough } from 'node:stream';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPhase, formatElapsed, installPhase, runQuietly } from './progress.mjs';

// Lines as `pnpm install --reporter=append-only` prints them on a machine without GitHub access.
const installLines = [
  'Progress: resolved 1, reused 0, downloaded 0, added 0',
  'Progress: resolved 554, reused 390, downloaded 0, added 95',
  '.../node_modules/better-sqlite3 install$ prebuild-install || node-gyp rebuild --release',
  '.../node_modules/better-sqlite3 install: prebuild-install warn install getaddrinfo ENOTFOUND github.com',
  '.../node_modules/better-sqlite3 install: gyp info it worked if it ends with ok',
  '.../node_modules/better-sqlite3 install:   CC(target) Release/obj.target/sqlite3/gen/sqlite3/sqlite3.o',
  '.../esbuild@0.28.2/node_modules/esbuild postinstall: Done',
  '.../node_modules/better-sqlite3 install: Done',
];

describe('install phases', () => {
  it('name packages, then the SQLite driver: fetched, compiled with a time estimate, ready', () => {
    expect(installLines.map(installPhase)).toEqual([
      undefined,
      'packages: 95 of 554 in place',
      "fetching SQLite's driver",
      undefined,
      expect.stringMatching(/^compiling SQLite's driver, \d+–\d+ min on a 2-core machine$/),
      expect.stringMatching(/^compiling SQLite's driver/),
      undefined,
      "SQLite's driver ready",
    ]);
  });

  it('vite build phases and elapsed times read as words', () => {
    expect(['transforming...', '✓ 1234 modules transformed.', 'rendering chunks...', 'dist/index.html  0.5 kB'].map(buildPhase)).toEqual([
      'transforming modules',
      '1234 modules transformed, bundling',
      'writing bundles',
      undefined,
    ]);
    expect([5_400, 59_999, 60_000, 185_000].map(formatElapsed)).toEqual(['5 s', '59 s', '1 min 00 s', '3 min 05 s']);
  });
});

/** Runs a small node program through runQuietly and returns what a person would have seen. */
async function seen(program) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  const res = await runQuietly('Doing the thing', process.execPath, ['-e', program], {
    out,
    phaseOf: (l) => (l.startsWith('phase ') ? l.slice(6) : undefined),
  });
  return { res, text };
}

describe('a quiet step', () => {
  it('shows its label, phases and time, not the output of the command', async () => {
    const { res, text } = await seen(
      `for (let i = 0; i < 60; i++) console.log('compiler noise ' + i); console.log('phase linking'); console.error('gyp warn scary');`,
    );
    expect(res.ok).toBe(true);
    expect(text).not.toContain('compiler noise');
    expect(text).not.toContain('scary');
    expect(text).toContain('Doing the thing: linking');
    expect(text).toMatch(/✔ Doing the thing \(\d+ s\)\n$/);
    expect(fs.existsSync(res.logPath)).toBe(false);
  });

  it('on failure prints the last lines of the output and keeps the whole log', async () => {
    const { res, text } = await seen(
      `for (let i = 0; i < 100; i++) console.log('line ' + i); console.error('the real error'); process.exit(3);`,
    );
    expect(res).toMatchObject({ ok: false, interrupted: false, code: 3 });
    expect(text).toContain('✖ Doing the thing failed (exit 3)');
    expect(text).toContain('line 99\nthe real error');
    expect(text).not.toContain('line 5\n');
    expect(fs.readFileSync(res.logPath, 'utf8')).toContain('line 0\n');
    fs.rmSync(path.dirname(res.logPath), { recursive: true });
  });
});
