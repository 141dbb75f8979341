import type { Plugin } from 'vite';
import { startStageSources } from './start-stages';

/** The board's lazy route module (router.tsx imports it on demand). */
export const boardRouteSource = 'src/app/routes/board-route.tsx';

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
  isEntry?: boolean;
  imports?: string[];
  /** The modules the chunk holds (a grouped chunk, like a start-up stage's, has no facade). */
  moduleIds?: string[];
  viteMetadata?: { importedCss: Set<string> };
}

const sourceOf = (c: ChunkLike) => c.facadeModuleId?.replaceAll('\\', '/') ?? '';

/** Every chunk file `start` reaches through static imports, itself included. */
function reach(byFile: Map<string, ChunkLike>, start: ChunkLike): Set<string> {
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
}

/**
 * The files the chunks of `sources` need beyond what is already loaded (the entry's code and
 * the chunks of `loadedSources`): those chunks, the chunks they import statically (recursively),
 * and their styles, as URL paths. Null when the build has no chunk for one of `sources`.
 */
function filesBeyond(bundle: Record<string, ChunkLike>, sources: string[], loadedSources: string[] = []) {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const holds = (c: ChunkLike, source: string) =>
    sourceOf(c).endsWith(`/${source}`) || (c.moduleIds ?? []).some((id) => id.replaceAll('\\', '/').endsWith(`/${source}`));
  const chunkOf = (source: string) => chunks.find((c) => holds(c, source));
  const entry = chunks.find((c) => c.isEntry);
  const wanted = sources.map(chunkOf);
  const alsoLoaded = loadedSources.map(chunkOf);
  if (!entry || wanted.some((c) => !c)) return null;
  const loaded = new Set<string>();
  for (const c of [entry, ...alsoLoaded]) if (c) for (const f of reach(byFile, c)) loaded.add(f);
  const files = [...new Set(wanted.flatMap((c) => [...reach(byFile, c!)]))].filter((f) => !loaded.has(f));
  const css = files.flatMap((f) => [...(byFile.get(f)!.viteMetadata?.importedCss ?? [])]);
  return { scripts: files.map((f) => `/${f}`), styles: [...new Set(css)].map((f) => `/${f}`) };
}

/**
 * The files the board's route chunk needs beyond what the entry and the start-up stages load:
 * the chunk, the chunks it imports statically (recursively) that those do not, and their
 * styles, as URL paths. Empty when the build has no such chunk.
 */
export function boardRouteFiles(bundle: Record<string, ChunkLike>): string[] {
  const files = filesBeyond(bundle, [boardRouteSource], startStageSources);
  return files ? [...files.scripts, ...files.styles] : [];
}

/** The start-up stages' files beyond the entry's (null when a stage has no chunk). */
export function startStageFiles(bundle: Record<string, ChunkLike>) {
  return filesBeyond(bundle, startStageSources);
}

/**
 * Links the start-up stages' files in index.html, and names the board route's files on
 * public/board-early.js's script tag (`data-board-code`), so
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
        const stages = startStageFiles(ctx.bundle as unknown as Record<string, ChunkLike>);
        if (!stages) throw new Error(`board-preload: no chunk for one of ${startStageSources.join(', ')} in the build`);
        // The stages' code is fetched beside the entry's, as Vite lists the entry's own imports;
        // their styles are linked as the entry's are (Vite's loader then finds them in place).
        const stageLinks = [
          ...stages.scripts.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
          ...stages.styles.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
        ].join('\n    ');
        return html
          .replace(tag, `<script src="/board-early.js" data-board-code="${files.join(' ')}"></script>`)
          .replace('</head>', `  ${stageLinks}\n  </head>`);
      },
    },
  };
}
