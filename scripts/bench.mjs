// `pnpm bench`: build the web app, then measure API and browser figures against their targets
// (bench/run.ts). Prints a table and writes bench/results.json. Not part of `pnpm test`.
// Options: --reports (also 100k requests / 1M time entries for reports and exports), --quick,
// --strict (exit 1 when a target is missed), --keep (keep the temp databases), --no-browser,
// --only-reports (only the report timings, at 100k time entries and with --reports at 1M;
// writes bench/results-reports.json), --only-load (only the realistic and worst-case load runs; writes bench/results-load.json),
// --only-signin (only issue 9's sign-in flood; writes bench/results-signin.json),
// --only-capacity (only issue 13's Capacity view at 5k open requests; writes bench/results-capacity.json),
// --only-speed (only issue 15's bytes on the wire, 304 share, load-time long tasks, first card and keyboard step; writes bench/results-speed.json),
// --only-writes (only the move and create rows, email off and on; writes bench/results-writes.json).
import { bin, buildWebApp, ensureInstalled, run } from './pnpm.mjs';
import { ensureChromium } from './chromium.mjs';

await ensureInstalled();
ensureChromium();
await buildWebApp();
run(bin('tsx'), ['bench/run.ts', ...process.argv.slice(2)]);
