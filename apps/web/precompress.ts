import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files worth compressing; images other than SVG and fonts are compressed already. */
const compressible = /\.(js|mjs|css|svg|html|json|txt)$/;

/**
 * Writes `name.br` and `name.gz` beside every text file of the build, compressed once at the
 * highest levels, so the server (`@fastify/static` with `preCompressed`) sends them as they are
 * and spends no CPU per request. A variant that would not be smaller is not written: the server
 * then falls back to the next encoding or to the file itself.
 */
export function precompressFolder(root: string): { file: string; bytes: number; br: number | null; gz: number | null }[] {
  const written = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !compressible.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    // Dot folders (Vite's manifest) are never served.
    if (
      path
        .relative(root, file)
        .split(path.sep)
        .some((part) => part.startsWith('.'))
    )
      continue;
    const body = fs.readFileSync(file);
    const br = zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const gz = zlib.gzipSync(body, { level: zlib.constants.Z_BEST_COMPRESSION });
    const keep = (variant: Buffer, suffix: string) => {
      // A stale variant from an earlier build must not outlive a file that no longer gains from it.
      fs.rmSync(file + suffix, { force: true });
      if (variant.length >= body.length) return null;
      fs.writeFileSync(file + suffix, variant);
      return variant.length;
    };
    written.push({ file: path.relative(root, file), bytes: body.length, br: keep(br, '.br'), gz: keep(gz, '.gz') });
  }
  return written;
}

/** The Vite plugin: precompresses the output folder once the bundle (and `public/`) is written. */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'altitude-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressFolder(outDir);
    },
  };
}
