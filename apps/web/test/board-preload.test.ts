import { expect, it } from 'vitest';
import { boardRouteFiles } from '../board-preload';

/** A chunk of a Rollup bundle, as the plugin reads it. */
const chunk = (fileName: string, imports: string[], extra: { entry?: boolean; source?: string; css?: string[] } = {}) => ({
  type: 'chunk' as const,
  fileName,
  isEntry: extra.entry ?? false,
  facadeModuleId: extra.source ?? null,
  imports,
  viteMetadata: { importedCss: new Set(extra.css ?? []) },
});

it("lists the board route's chunk, what it imports beyond the entry's code, and their styles", () => {
  const bundle = {
    'index.js': chunk('assets/index-a.js', ['assets/Box-b.js', 'assets/api-c.js'], { entry: true, source: '/app/apps/web/index.html' }),
    'Box.js': chunk('assets/Box-b.js', []),
    'api.js': chunk('assets/api-c.js', ['assets/Box-b.js']),
    'board.js': chunk('assets/board-route-d.js', ['assets/Box-b.js', 'assets/Badge-e.js', 'assets/Select-f.js'], {
      source: '/app/apps/web/src/app/routes/board-route.tsx',
      css: ['assets/board-route-d.css'],
    }),
    'Badge.js': chunk('assets/Badge-e.js', ['assets/api-c.js']),
    'Select.js': chunk('assets/Select-f.js', ['assets/Input-g.js'], { css: ['assets/Select-f.css'] }),
    'Input.js': chunk('assets/Input-g.js', []),
    // Another screen's chunk is never listed, nor is a chunk the board only imports lazily.
    'insights.js': chunk('assets/insights-route-h.js', ['assets/Box-b.js'], { source: '/app/apps/web/src/app/routes/insights-route.tsx' }),
    'style.css': { type: 'asset' as const, fileName: 'assets/index-a.css' },
  };
  expect(boardRouteFiles(bundle)).toEqual([
    '/assets/board-route-d.js',
    '/assets/Badge-e.js',
    '/assets/Select-f.js',
    '/assets/Input-g.js',
    '/assets/board-route-d.css',
    '/assets/Select-f.css',
  ]);
});

it('lists nothing when the build has no board route chunk', () => {
  expect(boardRouteFiles({ 'index.js': chunk('assets/index-a.js', [], { entry: true }) })).toEqual([]);
});
