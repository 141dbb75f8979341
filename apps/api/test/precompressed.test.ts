import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';

/**
 * The built web app is sent precompressed (issue 15): the build writes name.br and name.gz
 * beside each text file, and the server picks one by Accept-Encoding without compressing
 * anything itself. Every variant must decompress to the file, say which encoding it is, vary on
 * Accept-Encoding, and keep the file's caching rule; a file without a variant is sent as it is.
 */

const app = `console.log(${JSON.stringify('altitude '.repeat(200))});`;
const html = `<!doctype html><title>Altitude</title><script type="module" src="/assets/app-abc123.js"></script>${'<!-- -->'.repeat(50)}`;
const onlyGzip = `.card{color:red}${'.x{margin:0}'.repeat(100)}`;
const plain = 'export const x = 1;';

const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-web-'));
const write = (file: string, body: string, variants: ('br' | 'gz')[]) => {
  fs.mkdirSync(path.dirname(path.join(webRoot, file)), { recursive: true });
  fs.writeFileSync(path.join(webRoot, file), body);
  if (variants.includes('br')) fs.writeFileSync(path.join(webRoot, `${file}.br`), zlib.brotliCompressSync(body));
  if (variants.includes('gz')) fs.writeFileSync(path.join(webRoot, `${file}.gz`), zlib.gzipSync(body));
};
write('index.html', html, ['br', 'gz']);
write('assets/app-abc123.js', app, ['br', 'gz']);
write('assets/style-def456.css', onlyGzip, ['gz']);
write('assets/tiny-0a1b2c.js', plain, []);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline', webRoot });
});
afterAll(async () => {
  await t.app.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

const decoded = (body: Buffer, encoding: string | undefined) =>
  (encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8');

const varies = (header: string | string[] | number | undefined) =>
  String(header)
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .includes('accept-encoding');

describe('a hashed asset', () => {
  it.each([
    ['a browser accepting both', 'gzip, deflate, br, zstd', 'br'],
    ['brotli preferred by weight', 'gzip;q=0.5, br;q=1', 'br'],
    ['gzip only', 'gzip', 'gzip'],
    ['brotli refused', 'br;q=0, gzip', 'gzip'],
    ['no Accept-Encoding', undefined, undefined],
    ['identity only', 'identity', undefined],
  ])('%s: %s → %s', async (_label, accept, encoding) => {
    const res = await get('/assets/app-abc123.js', accept);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(decoded(res.rawPayload, encoding)).toBe(app);
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(varies(res.headers.vary)).toBe(true);
  });

  it('is smaller on the wire than the file', async () => {
    const br = await get('/assets/app-abc123.js', 'br');
    const gz = await get('/assets/app-abc123.js', 'gzip');
    expect(br.rawPayload.length).toBe(fs.statSync(path.join(webRoot, 'assets/app-abc123.js.br')).size);
    expect(gz.rawPayload.length).toBe(fs.statSync(path.join(webRoot, 'assets/app-abc123.js.gz')).size);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(app) / 10);
  });

  it('without a .br falls back to the .gz', async () => {
    const res = await get('/assets/style-def456.css', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(decoded(res.rawPayload, 'gzip')).toBe(onlyGzip);
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('without any variant is sent as it is, still varying on Accept-Encoding', async () => {
    const res = await get('/assets/tiny-0a1b2c.js', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(plain);
    expect(varies(res.headers.vary)).toBe(true);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('a variant has no address of its own', async () => {
    for (const url of ['/assets/app-abc123.js.br', '/assets/app-abc123.js.gz', '/index.html.br']) {
      const res = await get(url, 'br, gzip');
      expect(expectProblem(res, 404).code).toBe('route.not_found');
    }
  });
});

describe('index.html', () => {
  it.each(['/', '/index.html', '/board', '/requests/12'])('%s is sent as brotli, revalidated on every use', async (url) => {
    const res = await get(url, 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(decoded(res.rawPayload, 'br')).toBe(html);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(varies(res.headers.vary)).toBe(true);
  });

  it('is sent as gzip or plain to clients that do not take brotli', async () => {
    const gz = await get('/board', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz.rawPayload, 'gzip')).toBe(html);
    const plainRes = await get('/board');
    expect(plainRes.headers['content-encoding']).toBeUndefined();
    expect(plainRes.body).toBe(html);
    expect(plainRes.headers['cache-control']).toBe('no-cache');
  });
});

describe('security headers of the built files', () => {
  const pageOnly = [
    'content-security-policy',
    'x-frame-options',
    'cross-origin-opener-policy',
    'x-permitted-cross-domain-policies',
    'x-download-options',
  ];

  it.each(['/assets/app-abc123.js', '/assets/style-def456.css'])(
    '%s carries what applies to a file a page loads, not the page’s own rules',
    async (url) => {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      for (const name of pageOnly) expect(res.headers[name], name).toBeUndefined();
    },
  );

  it.each(['/', '/board', '/index.html'])('the page %s carries the whole set', async (url) => {
    const res = await get(url, 'br');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'self';script-src 'self';/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('an address that only looks like a built file outside /assets/ is treated as a page', async () => {
    const res = await get('/board/assets/app-abc123.js', 'br');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'self';/);
  });
});
