import type { Plugin } from 'vite';

/** The board's lazy route module (router.tsx imports it on demand). */
export const boardRouteSource = 'src/app/routes/board-route.tsx';

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
  isEntry?: boolean;
  imports?: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * The files the board's route chunk needs beyond what the entry already loads: the chunk, the
 * chunks it imports statically (recursively) that the entry does not, and their styles, as URL
 * paths. Empty when the build has no such chunk.
 */
export function boardRouteFiles(bundle: Record<string, ChunkLike>): string[] {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const reach = (start: ChunkLike) => {
    const seen = new Set<string>();
    const walk = (c: ChunkLike) => {
      if (seen.has(c.fileName)) return;
      seen.add(c.fileName);
      for (const f of c.imports ?? []) {
        const next = byFile.get(f);
        if (next) walk(next);
      }
    };
    walk(start);
    return seen;
  };
  const entry = chunks.find((c) => c.isEntry);
  const board = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${boardRouteSource}`));
  if (!entry || !board) return [];
  const loaded = reach(entry);
  const files = [...reach(board)].filter((f) => !loaded.has(f));
  const css = files.flatMap((f) => [...(byFile.get(f)!.viteMetadata?.importedCss ?? [])]);
  return [...files, ...new Set(css)].map((f) => `/${f}`);
}

/**
 * Names the board route's files on public/board-early.js's script tag (`data-board-code`), so
 * that script, on /board, preloads them while the entry's code loads: without it they were asked
 * for only once the app had evaluated, checked the session and rendered the shell. A data
 * attribute, not an inline script: the CSP allows scripts from the app's own files only.
 */
export function boardPreload(): Plugin {
  return {
    name: 'altitude-board-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const files = boardRouteFiles(ctx.bundle as unknown as Record<string, ChunkLike>);
        if (files.length === 0) throw new Error(`board-preload: no chunk for ${boardRouteSource} in the build`);
        const tag = '<script src="/board-early.js"></script>';
        if (!html.includes(tag)) throw new Error(`board-preload: index.html has no ${tag}`);
        return html.replace(tag, `<script src="/board-early.js" data-board-code="${files.join(' ')}"></script>`);
      },
    },
  };
}
