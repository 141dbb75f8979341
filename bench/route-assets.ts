// The files a screen of the built web app loads, read from Vite's manifest (dist/.vite/manifest.json):
// index.html, what it names (entry script, module preloads, styles, classic scripts, icon), and the
// screen's lazy chunk with everything it imports statically and its styles.
import fs from 'node:fs';
import path from 'node:path';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Chunks whose code must never reach the board: charts, Insights, Settings, the Markdown renderer. */
export const notOnTheBoard = [/recharts/i, /insights/i, /settings-route/i, /markdown/i];

export interface RouteAssets {
  /** URL paths, in load order (index.html first). */
  urls: string[];
  /** Chunks of `notOnTheBoard` found among them. */
  forbidden: string[];
}

export function routeAssets(dist: string, routeSource: string): RouteAssets {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const urls = new Set<string>(['/']);
  // What index.html names itself, in case something there is not a manifest chunk (public/ files).
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="(\/[^"]+)"/g)) urls.add(m[1]!);
  const seen = new Set<string>();
  const add = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
    urls.add(`/${chunk.file}`);
    for (const css of chunk.css ?? []) urls.add(`/${css}`);
    for (const next of chunk.imports ?? []) add(next);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('no entry chunk in the Vite manifest');
  add(entry);
  if (!manifest[routeSource]) throw new Error(`${routeSource} is not a chunk of its own in the Vite manifest`);
  add(routeSource);
  const list = [...urls];
  return { urls: list, forbidden: list.filter((u) => notOnTheBoard.some((re) => re.test(path.basename(u)))) };
}
