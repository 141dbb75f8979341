import { expect, it } from 'vitest';
import { boardRouteFiles, startStageFiles } from '../board-preload';

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

it('lists the start-up stages’ files beyond the entry’s, and leaves them out of the board’s list', () => {
  const bundle = {
    'index.js': chunk('assets/index-a.js', ['assets/Box-b.js'], { entry: true, source: '/app/apps/web/index.html' }),
    'Box.js': chunk('assets/Box-b.js', []),
    'contract.js': chunk('assets/contract-c.js', ['assets/schemas-d.js'], { source: '/app/apps/web/src/app/contract.ts' }),
    'schemas.js': chunk('assets/schemas-d.js', []),
    'start.js': chunk('assets/start-e.js', ['assets/schemas-d.js', 'assets/Popover-f.js', 'assets/Box-b.js'], {
      source: '/app/apps/web/src/app/start.tsx',
      css: ['assets/start-e.css'],
    }),
    'Popover.js': chunk('assets/Popover-f.js', []),
    'board.js': chunk('assets/board-route-g.js', ['assets/Popover-f.js', 'assets/schemas-d.js', 'assets/Badge-h.js'], {
      source: '/app/apps/web/src/app/routes/board-route.tsx',
    }),
    'Badge.js': chunk('assets/Badge-h.js', []),
  };
  expect(startStageFiles(bundle)).toEqual({
    scripts: ['/assets/contract-c.js', '/assets/schemas-d.js', '/assets/start-e.js', '/assets/Popover-f.js'],
    styles: ['/assets/start-e.css'],
  });
  expect(boardRouteFiles(bundle)).toEqual(['/assets/board-route-g.js', '/assets/Badge-h.js']);
});

it('finds no stages when the build lost one of them', () => {
  expect(startStageFiles({ 'index.js': chunk('assets/index-a.js', [], { entry: true }) })).toBeNull();
});
