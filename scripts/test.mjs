// `pnpm test`: everything CI runs, in order: typecheck, lint, unit + integration, browser.
import { bin, ensureInstalled, pnpm, run } from './pnpm.mjs';
import { ensureChromium } from './chromium.mjs';

await ensureInstalled();
const step = (name) => console.log(`\n━━ ${name} ━━`);
step('typecheck (packages, bench, browser tests)');
pnpm(['run', 'typecheck']);
step('lint and format');
run(bin('eslint'), ['.', '--max-warnings=0']);
run(bin('prettier'), ['--check', '.', '--log-level=warn']);
step('unit and integration tests (vitest)');
run(bin('vitest'), ['run']);
step('browser tests (Playwright on Chromium)');
ensureChromium();
pnpm(['--filter', '@altitude/web', 'run', 'build']);
run(bin('playwright'), ['test']);
console.log('\n✔ all tests passed');
