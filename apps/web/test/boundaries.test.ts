import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The web app's boundaries hold by lint (eslint.config.js), so these run the real ESLint config
 * on an import the rules must refuse, placed in a real file of the tree.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const src = path.join(root, 'apps/web/src');
const features = readdirSync(path.join(src, 'features'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids ESLint reports when `file` (relative to the repo) holds `code`. */
async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('web boundaries', () => {
  it('has the features the structure names', () => {
    expect([...features].sort()).toEqual([
      'attachments',
      'auth',
      'board',
      'capacity',
      'initiatives',
      'insights',
      'notifications',
      'requests',
      'settings',
      'timesheet',
      'trade-off',
      'working-time',
    ]);
  });

  it('refuses an import from one feature into any other', async () => {
    for (const from of features) {
      for (const into of features) {
        if (from === into) continue;
        const target = readdirSync(path.join(src, 'features', from), { recursive: true, encoding: 'utf8' }).find(
          (f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'),
        )!;
        const specifier = `../../${from}/${target.replace(/\.tsx?$/, '')}`;
        const ids = await ruleIds(
          `apps/web/src/features/${into}/pages/probe.ts`,
          `import * as other from '${specifier}';\nexport const probe = other;\n`,
        );
        expect(ids, `${into} importing ${specifier}`).toContain('import-x/no-restricted-paths');
      }
    }
  }, 120_000);

  it('allows a feature its own files, lib/ and components/', async () => {
    const ids = await ruleIds(
      'apps/web/src/features/board/pages/probe.ts',
      "import * as lanes from '../lanes';\nimport * as keys from '../../../lib/query-keys';\nimport * as badges from '../../../components/badges';\nexport const probe = [lanes, keys, badges];\n",
    );
    expect(ids).toEqual([]);
  });

  it('refuses app/ in a feature, and a feature or app/ in lib/ and components/', async () => {
    expect(
      await ruleIds('apps/web/src/features/auth/pages/probe.ts', "import * as m from '../../../app/nav';\nexport const probe = m;\n"),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await ruleIds('apps/web/src/lib/probe.ts', "import * as m from '../features/board/lanes';\nexport const probe = m;\n"),
    ).toContain('import-x/no-restricted-paths');
    expect(await ruleIds('apps/web/src/lib/probe.ts', "import * as m from '../app/nav';\nexport const probe = m;\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(
      await ruleIds(
        'apps/web/src/components/probe.ts',
        "import * as m from '../features/requests/components/markdown';\nexport const probe = m;\n",
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('refuses an import loop in the web app and in shared', async () => {
    // router.tsx imports ./app-layout, so app-layout importing the router closes a loop.
    expect(
      await ruleIds('apps/web/src/app/app-layout.tsx', "import { router } from './router';\nexport const probe = router;\n"),
    ).toContain('import-x/no-cycle');
    // requests.ts imports ./domain.
    expect(
      await ruleIds('packages/shared/src/domain.ts', "import { Request } from './requests';\nexport const probe = Request;\n"),
    ).toContain('import-x/no-cycle');
  });
});

describe('one owner per name', () => {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => ({ file: f, text: readFileSync(path.join(src, f), 'utf8') }));

  it('writes query keys only in lib/query-keys.ts', () => {
    const literal = /queryKey:\s*\[|\[\s*'(board|requests|directory|settings|reports|auth)'/;
    expect(files.filter((f) => f.file !== path.join('lib', 'query-keys.ts') && literal.test(f.text)).map((f) => f.file)).toEqual([]);
  });

  it('names each role once, in lib/roles.ts', () => {
    expect(files.filter((f) => f.text.includes("'Marketing lead'")).map((f) => f.file)).toEqual([path.join('lib', 'roles.ts')]);
  });

  it('has one "today": no UTC date slicing and no hand-built local date outside lib/today.ts', () => {
    const own = /toISOString\(\)\.slice\(0, 10\)|getFullYear\(\)}-/;
    expect(files.filter((f) => own.test(f.text)).map((f) => f.file)).toEqual([]);
  });
});
