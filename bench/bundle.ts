// Initial JavaScript of the built web app: the entry script of dist/index.html and the modules it
// preloads, each gzipped (zlib, default level, as a server or CDN would send it).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface BundleFigures {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
  /** Every JavaScript file of the build, gzipped, for context (lazy pages included). */
  allJsGzipBytes: number;
}

export function initialJavaScript(dist: string): BundleFigures {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    if (src && /\btype="module"/.test(tag)) urls.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="modulepreload"/.test(tag)) urls.add(href);
  }
  if (urls.size === 0) throw new Error(`no entry script in ${dist}/index.html`);
  const files = [...urls].map((url) => {
    const body = fs.readFileSync(path.join(dist, url.replace(/^\//, '')));
    return { file: url, bytes: body.length, gzipBytes: zlib.gzipSync(body).length };
  });
  const assets = path.join(dist, 'assets');
  const allJsGzipBytes = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(assets, f))).length, 0);
  return {
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
    allJsGzipBytes,
  };
}
