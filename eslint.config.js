import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';

const root = import.meta.dirname;
const web = './apps/web/src';
// Read from disk, so a feature added later is fenced in without editing this file.
const features = readdirSync(`${root}/apps/web/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/.scratch/**',
      '**/node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'apps/api/drizzle/**',
      'bench/**/*.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only matters under the React Compiler, which this app does not use.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // Boundaries (docs/architecture.md, "Where things live"): enforced here, not by habit.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads only these files when it follows imports (its default is .js alone).
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/external-module-folders': importX.flatConfigs.typescript.settings['import-x/external-module-folders'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          alwaysTryTypes: true,
          noWarnOnMultipleProjects: true,
          project: ['apps/api/tsconfig.json', 'apps/web/tsconfig.json', 'packages/shared/tsconfig.json'],
        }),
      ],
    },
    rules: {
      // No import loops anywhere: a loop makes load order matter and hides which module owns a rule.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            // A web feature never imports another: shared code goes to lib/ or components/, and
            // features meet in app/ (a route component passes one into the other).
            ...features.map((feature) => ({
              target: `${web}/features/${feature}`,
              from: `${web}/features`,
              except: [`./${feature}`],
              message: `features/${feature} must not import another feature: compose them in app/ (app/routes/) or move what is shared to lib/ or components/.`,
            })),
            {
              target: `${web}/features`,
              from: `${web}/app`,
              message: 'features must not import app/: app composes features, not the other way round.',
            },
            {
              target: [`${web}/lib`, `${web}/components`],
              from: [`${web}/features`, `${web}/app`],
              message: 'lib/ and components/ are shared by every feature and must not import a feature or app/.',
            },
            // The two apps talk over HTTP only; shared is imported by both and imports neither.
            { target: './apps/web', from: './apps/api', message: 'the web app must not import the API: share through packages/shared.' },
            { target: './apps/api', from: './apps/web', message: 'the API must not import the web app: share through packages/shared.' },
            { target: './packages/shared', from: './apps', message: 'packages/shared must not import an app.' },
          ],
        },
      ],
    },
  },
);
