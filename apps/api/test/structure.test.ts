import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../src/db/client';
import { createTestApp } from './harness';

/**
 * The house rules of the API's layout (issue 10), checked on the source itself so a new file
 * cannot quietly break them: problems built in one place, one typed accessor for the signed-in
 * user, no import cycle, no production file over 300 lines, the board's change log on the app's
 * connection only.
 */
const repo = path.resolve(import.meta.dirname, '../../..');
const apiSrc = path.join(repo, 'apps/api/src');
const sharedSrc = path.join(repo, 'packages/shared/src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}
const production = [...sourceFiles(apiSrc), ...sourceFiles(sharedSrc)].filter((f) => !f.endsWith('.test.ts'));
const rel = (f: string) => path.relative(repo, f);
const text = new Map(production.map((f) => [f, fs.readFileSync(f, 'utf8')]));

/** Files a file imports, relative and `@altitude/shared/*` ones, type-only imports included. */
function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const m of text.get(file)!.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
    const spec = m[1]!;
    const base = spec.startsWith('.')
      ? path.resolve(path.dirname(file), spec)
      : spec.startsWith('@altitude/shared/')
        ? path.join(sharedSrc, spec.slice('@altitude/shared/'.length))
        : null;
    const target = base && [base, `${base}.ts`, `${base}.tsx`].find((c) => text.has(c));
    if (target) found.push(target);
  }
  return found;
}

describe('the API source layout', () => {
  it('builds problems only in *.errors.ts, errors.ts and the plugins', () => {
    const inline = production.filter(
      (f) =>
        !f.endsWith('.errors.ts') &&
        f !== path.join(apiSrc, 'errors.ts') &&
        !f.startsWith(path.join(apiSrc, 'plugins')) &&
        text.get(f)!.includes('new HttpProblem('),
    );
    expect(inline.map(rel)).toEqual([]);
  });

  it('builds each problem code in one place', () => {
    const byCode = new Map<string, string[]>();
    for (const f of production) {
      for (const m of text.get(f)!.matchAll(/new HttpProblem\(\s*\d+,\s*'([^']+)'/g))
        byCode.set(m[1]!, [...(byCode.get(m[1]!) ?? []), rel(f)]);
    }
    expect([...byCode].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it('reads the signed-in user through signedInUser, never request.user!', () => {
    expect(production.filter((f) => text.get(f)!.includes('request.user!')).map(rel)).toEqual([]);
  });

  it('has no import cycle in apps/api or packages/shared', () => {
    const graph = new Map(production.map((f) => [f, importsOf(f)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') return void cycles.push([...trail.slice(trail.indexOf(f)), f].map(rel).join(' → '));
      state.set(f, 'open');
      for (const next of graph.get(f)!) visit(next, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of production) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('keeps every production file at 300 lines or fewer', () => {
    const long = production.map((f) => ({ file: rel(f), lines: text.get(f)!.split('\n').length - 1 })).filter((x) => x.lines > 300);
    expect(long).toEqual([]);
  });
});

describe("the board's change log", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-structure-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const logTables = (sqlite: { prepare: (s: string) => { all: () => unknown[] } }) =>
    sqlite.prepare("select name from sqlite_temp_master where name like 'board_log%' order by name").all().length;

  it('is not installed when a script opens the database', () => {
    const db = openDatabase(path.join(dir, 'cli.db'));
    try {
      expect(logTables(db.$client)).toBe(0);
    } finally {
      closeDatabase(db);
    }
  });

  it("is installed on the app's connection: its table and nine triggers", async () => {
    const t = await createTestApp({ seed: 'baseline' });
    try {
      expect(logTables(t.app.db.$client)).toBe(10);
    } finally {
      await t.app.close();
    }
  });
});
