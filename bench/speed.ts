// Issue 15: what the board's first load sends over the wire (precompressed, route-split), and
// what board revalidations cost (ETag / If-None-Match → 304).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { percentile } from './load';
import { cardSelector, firstCardProbe, nameShim, settle, storageFor, waitForPaintedCard } from './browser';
import { routeAssets } from './route-assets';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent, not decompressed. */
  body: Buffer;
  /** Status line and headers as they crossed the socket (approximately: CRLFs counted, order kept). */
  headerBytes: number;
  ms: number;
}

/** A GET that leaves the body as sent (Node's http does not decompress), timed from send to last byte. */
function getRaw(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: keepAlive }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let headerBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
          for (let i = 0; i < res.rawHeaders.length; i += 2) headerBytes += `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`.length;
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            headerBytes,
            ms: performance.now() - started,
          });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** What Chromium sends (it offers brotli on loopback too). */
export const browserAcceptEncoding = 'gzip, deflate, br, zstd';

export interface FirstLoadWire {
  files: { url: string; status: number; encoding: string | null; bodyBytes: number; headerBytes: number; fileBytes: number }[];
  /** Bodies as sent: what the target is about. */
  bodyBytes: number;
  headerBytes: number;
  /** The same files uncompressed, as they were sent before issue 15. */
  fileBytes: number;
  /** Chunks the board must not load (charts, Insights, Settings, the Markdown renderer) found in its list. */
  forbidden: string[];
  /** The session check and the board itself (JSON, not compressed by the server). */
  api: { url: string; bytes: number }[];
}

/**
 * Every file the board's first load fetches (index.html, the entry and its preloads, styles, the
 * board's chunk and its imports; read from Vite's manifest), fetched from the real server as a
 * browser would, signed in, then the two API reads the page makes before its first card.
 */
export async function boardFirstLoadWire(url: string, cookie: string, dist: string, acceptEncoding: string): Promise<FirstLoadWire> {
  const { urls, forbidden } = routeAssets(dist, 'src/app/routes/board-route.tsx');
  const files: FirstLoadWire['files'] = [];
  for (const u of urls) {
    // The page itself is requested as /board; the rest by their own paths.
    const res = await getRaw(`${url}${u === '/' ? '/board' : u}`, { 'accept-encoding': acceptEncoding, cookie });
    const onDisk = path.join(dist, u === '/' ? 'index.html' : u.slice(1));
    files.push({
      url: u === '/' ? '/board' : u,
      status: res.status,
      encoding: (res.headers['content-encoding'] as string | undefined) ?? null,
      bodyBytes: res.body.length,
      headerBytes: res.headerBytes,
      fileBytes: fs.statSync(onDisk).size,
    });
  }
  const api = [];
  for (const u of ['/api/auth/me', '/api/board']) {
    const res = await getRaw(`${url}${u}`, { 'accept-encoding': acceptEncoding, cookie, accept: 'application/json' });
    api.push({ url: u, bytes: res.body.length + res.headerBytes });
  }
  const sum = (k: 'bodyBytes' | 'headerBytes' | 'fileBytes') => files.reduce((s, f) => s + f[k], 0);
  return { files, bodyBytes: sum('bodyBytes'), headerBytes: sum('headerBytes'), fileBytes: sum('fileBytes'), forbidden, api };
}

export interface Revalidations {
  /** Revalidations with nothing changed in between, and how many were 304. */
  unchanged: number;
  notModified: number;
  /** Revalidations right after a change, and how many were (wrongly) 304. */
  afterChange: number;
  staleNotModified: number;
  p50NotModifiedMs: number;
  p50FullMs: number;
  /** One 304 and one 200 on the wire (headers and body). */
  notModifiedBytes: number;
  fullBytes: number;
}

/**
 * A client that holds the board revalidates it `unchanged` times with nothing changing (as after
 * an event-stream reconnect or a window refocus), taking the new ETag whenever a 200 comes (a new
 * minute), then `afterChange` times right after a change, when each must be a 200.
 */
export async function boardRevalidations(url: string, cookie: string, unchanged: number, afterChange: number, change: () => Promise<void>) {
  const board = `${url}/api/board`;
  const first = await getRaw(board, { cookie });
  if (first.status !== 200 || !first.headers.etag) throw new Error(`GET /api/board: ${first.status}, ETag ${String(first.headers.etag)}`);
  let etag = first.headers.etag;
  const fullMs: number[] = [];
  const notModifiedMs: number[] = [];
  let notModifiedBytes = 0;
  let fullBytes = first.body.length + first.headerBytes;
  const revalidate = async () => {
    const res = await getRaw(board, { cookie, 'if-none-match': etag });
    if (res.status === 304) {
      notModifiedMs.push(res.ms);
      notModifiedBytes = res.body.length + res.headerBytes;
    } else if (res.status === 200) {
      fullMs.push(res.ms);
      fullBytes = res.body.length + res.headerBytes;
      etag = res.headers.etag ?? etag;
    } else throw new Error(`GET /api/board with If-None-Match: ${res.status}`);
    return res.status;
  };
  let notModified = 0;
  for (let i = 0; i < unchanged; i++) if ((await revalidate()) === 304) notModified++;
  let staleNotModified = 0;
  for (let i = 0; i < afterChange; i++) {
    await change();
    if ((await revalidate()) === 304) staleNotModified++;
  }
  const p50 = (xs: number[]) =>
    xs.length
      ? percentile(
          [...xs].sort((a, b) => a - b),
          0.5,
        )
      : NaN;
  return {
    unchanged,
    notModified,
    afterChange,
    staleNotModified,
    p50NotModifiedMs: p50(notModifiedMs),
    p50FullMs: p50(fullMs),
    notModifiedBytes,
    fullBytes,
  } satisfies Revalidations;
}

export interface BrowserFirstLoad {
  /** Long tasks (> 50 ms) from navigation to the first card in view, total and count. */
  longTaskMs: number;
  longTasks: number;
  /** Each long task: when it started after navigation and how long it took (ms). */
  longTaskList: { at: number; ms: number }[];
  /** Bytes Chromium received (bodies as sent plus headers) before the first card was in view, and what encodings it got. */
  wireBytes: number;
  requests: number;
  encodings: Record<string, number>;
}

/** One cold load of /board in Chromium (fresh context, empty cache): long tasks and what crossed the wire. */
export async function browserFirstLoad(browser: Browser, url: string, cookie: string): Promise<BrowserFirstLoad> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: url, storageState: storageFor(url, cookie) });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __long: { ms: number; n: number; list: { at: number; ms: number }[] } };
      w.__long = { ms: 0, n: 0, list: [] };
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => {
          w.__long.ms += e.duration;
          w.__long.n++;
          w.__long.list.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) });
        }),
      ).observe({ type: 'longtask', buffered: true });
    });
    let counting = true;
    const sizes: Promise<{ bytes: number; encoding: string }>[] = [];
    page.on('requestfinished', (req) => {
      if (!counting) return;
      sizes.push(
        Promise.all([req.sizes(), req.response()]).then(([s, res]) => ({
          bytes: s.responseBodySize + s.responseHeadersSize,
          encoding: res?.headers()['content-encoding'] ?? 'none',
        })),
      );
    });
    // Waits on the probe's promise, not a Playwright locator: see waitForPaintedCard.
    await page.addInitScript(nameShim);
    await page.addInitScript(firstCardProbe, cardSelector);
    await settle();
    await page.goto('/board', { waitUntil: 'commit' });
    await waitForPaintedCard(page);
    counting = false;
    const long = await page.evaluate(
      () => (window as unknown as { __long: { ms: number; n: number; list: { at: number; ms: number }[] } }).__long,
    );
    const done = await Promise.all(sizes);
    const encodings: Record<string, number> = {};
    for (const d of done) encodings[d.encoding] = (encodings[d.encoding] ?? 0) + 1;
    return {
      longTaskMs: long.ms,
      longTasks: long.n,
      longTaskList: long.list,
      wireBytes: done.reduce((s, d) => s + d.bytes, 0),
      requests: done.length,
      encodings,
    };
  } finally {
    await context.close();
  }
}
