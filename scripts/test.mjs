// `pnpm test`: everything CI runs, in order: typecheck, lint, unit + integration, browser.
import { bin, ensureInstalled, pnpm, run } from './pnpm.mjs';
import { ensureChromium } from './chromium.mjs';

ensureInstalled();
const step = (name) => console.log(`\n━━ ${name} ━━`);
step('typecheck');
pnpm(['-r', 'run', 'typecheck']);
step('lint');
run(bin('eslint'), ['.', '--max-warnings=0']);
step('unit and integration tests (vitest)');
run(bin('vitest'), ['run']);
step('browser tests (Playwright on Chromium)');
ensureChromium();
pnpm(['--filter', '@altitude/web', 'run', 'build']);
run(bin('playwright'), ['test']);
console.log('\n✔ all tests passed');
