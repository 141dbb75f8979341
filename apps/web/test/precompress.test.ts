import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { precompressFolder } from '../precompress';

/** The build step behind the server's precompressed files (apps/api/test/precompressed.test.ts serves them). */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-precompress-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const put = (file: string, body: string | Buffer) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), body);
};
const big = `export const words = ${JSON.stringify('board card column '.repeat(500))};`;

it('writes .br and .gz beside each text file, each decompressing to the file', () => {
  put('index.html', `<!doctype html>${'<p>Altitude</p>'.repeat(100)}`);
  put('assets/index-abc.js', big);
  put('assets/index-abc.css', '.a{color:red}'.repeat(200));
  put('favicon.svg', `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(100)}</svg>`);
  put('assets/logo-abc.png', Buffer.alloc(2000, 7));
  put('assets/tiny-abc.js', 'x');
  put('.vite/manifest.json', JSON.stringify({ a: 'b'.repeat(2000) }));
  // A variant left by an earlier build of a file that no longer gains from compression.
  put('assets/tiny-abc.js.br', 'stale');

  const written = precompressFolder(root);

  for (const file of ['index.html', 'assets/index-abc.js', 'assets/index-abc.css', 'favicon.svg']) {
    const body = fs.readFileSync(path.join(root, file));
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(root, `${file}.br`)))).toEqual(body);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(root, `${file}.gz`)))).toEqual(body);
  }
  // Brotli at its highest quality beats gzip on JavaScript.
  const js = written.find((w) => w.file === path.join('assets', 'index-abc.js'))!;
  expect(js.br!).toBeLessThan(js.gz!);
  expect(js.gz!).toBeLessThan(js.bytes / 10);
  // Not text, a file that would only grow, and the unserved dot folder: no variants.
  for (const file of ['assets/logo-abc.png', 'assets/tiny-abc.js', '.vite/manifest.json']) {
    expect(fs.existsSync(path.join(root, `${file}.br`)), file).toBe(false);
    expect(fs.existsSync(path.join(root, `${file}.gz`)), file).toBe(false);
  }
});
