// `pnpm test:e2e`: only the browser tests, against a fresh build.
import { bin, ensureInstalled, pnpm, run } from './pnpm.mjs';
import { ensureChromium } from './chromium.mjs';

await ensureInstalled();
ensureChromium();
pnpm(['--filter', '@altitude/web', 'run', 'build']);
run(bin('playwright'), ['test', ...process.argv.slice(2)]);
