// Where a cold load of /board spends its time: Chromium traces (devtools.timeline and V8's
// sampling profiler) of cold loads of the 1,000-card board `--only-speed` measures, on the real
// server and the built web app, summarised task by task on the page's main thread from
// navigation to the first card painted. Not part of `pnpm bench`.
//
//   npx --yes pnpm@10.34.8 exec tsx bench/trace-board.ts [--runs N] [--db FILE] [--out DIR] [--tasks MS] [--no-profile]
//
// --db reuses a database seeded as `--only-speed` seeds it (seeded afresh into --out otherwise);
// --no-profile leaves V8's sampling profiler out (timings closer to an untraced load);
// --tasks lists every task of at least MS ms (5 by default). The traces are written to --out
// (default: the system's temp folder) for chrome://tracing or DevTools' Performance panel. For
// function names, build the web app unminified first (`vite build --minify false`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { changer } from './api';
import { launchBrowser, settle, storageFor, waitForPaintedCard } from './browser';
import { accounts, benchPassword, seedDatabase } from './seed';
import { signIn, startServer } from './server';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  /** Thread time (CPU) of a complete event, µs. */
  tdur?: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Number(opt('--runs') ?? 3);
const out = opt('--out') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-trace-'));
const minTask = Number(opt('--tasks') ?? 5);
fs.mkdirSync(out, { recursive: true });

const profiled = !argv.includes('--no-profile');
const categories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'toplevel',
  'v8',
  // V8's sampling profiler slows the page by a fifth or so: --no-profile for the timings alone.
  ...(profiled ? ['disabled-by-default-v8.cpu_profiler'] : []),
];

/** Marks the frame after the first card in the viewport, as bench/browser.ts's probe does. */
const probe = () => {
  let resolve: (painted: number) => void = () => undefined;
  (window as unknown as { __bench: { done: Promise<number> } }).__bench = { done: new Promise<number>((r) => (resolve = r)) };
  const tick = () => {
    const card = document.querySelector('[data-testid^="card-"]');
    if (card) {
      const box = card.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.top < innerHeight && box.bottom > 0) {
        performance.mark('bench-card-found');
        requestAnimationFrame(() => resolve(performance.mark('bench-card-painted').startTime));
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function traceOnce(browser: Browser, url: string, cookie: string, file: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: url, storageState: storageFor(url, cookie) });
  try {
    // tsx's keepNames wraps the probe's functions in `__name(...)` (bench/browser.ts's nameShim).
    await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    const page = await context.newPage();
    await page.addInitScript(probe);
    await settle();
    await browser.startTracing(undefined, { path: file, categories });
    await page.goto('/board', { waitUntil: 'commit' });
    await waitForPaintedCard(page);
    await page.waitForTimeout(200);
    await browser.stopTracing();
  } finally {
    await context.close();
  }
}

/** The direct children of a task, named for reading: what the task ran. */
function describe(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  const url = typeof d.url === 'string' ? d.url.replace(/^https?:\/\/[^/]+/, '') : '';
  switch (e.name) {
    case 'FunctionCall':
      return `FunctionCall ${String(d.functionName || '(anonymous)')} ${url}`.trim();
    case 'EvaluateScript':
    case 'v8.evaluateModule':
      return `${e.name} ${url}`.trim();
    case 'TimerFire':
      return `TimerFire #${String(d.timerId)}`;
    case 'EventDispatch':
      return `Event ${String(d.type)}`;
    case 'ResourceReceivedData':
    case 'ResourceFinish':
    case 'ResourceReceiveResponse':
      return e.name;
    default:
      return e.name;
  }
}

interface Profile {
  /** Sample times (µs, trace clock) and the node each sample hit. */
  times: number[];
  nodes: number[];
  frames: Map<number, { fn: string; url: string; line: number; parent?: number }>;
}

function readProfile(events: TraceEvent[], pid: number): Profile | null {
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid);
  if (!profiles.length) return null;
  const id = profiles[0]!.id;
  const startTime = (profiles[0]!.args!.data as { startTime: number }).startTime;
  const frames: Profile['frames'] = new Map();
  const times: number[] = [];
  const nodes: number[] = [];
  let t = startTime;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== id) continue;
    const data = e.args!.data as {
      cpuProfile: {
        nodes?: { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile.nodes ?? [])
      frames.set(n.id, { fn: n.callFrame.functionName, url: n.callFrame.url, line: n.callFrame.lineNumber, parent: n.parent });
    const samples = data.cpuProfile.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i] ?? 0;
      times.push(t);
      nodes.push(samples[i]!);
    }
  }
  return { times, nodes, frames };
}

const short = (url: string | undefined) => (url ?? '').replace(/^https?:\/\/[^/]+/, '').replace(/^.*\/node_modules\/(\.pnpm\/)?/, '');

/** Self and inclusive sample time per function between two trace times (µs), largest first. */
function hot(profile: Profile, from: number, to: number, limit: number) {
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (let i = 0; i < profile.times.length; i++) {
    const t = profile.times[i]!;
    if (t < from || t >= to) continue;
    const dt = ((profile.times[i + 1] ?? t) - t) / 1000;
    let node = profile.nodes[i];
    const seen = new Set<string>();
    let first = true;
    while (node !== undefined) {
      const f = profile.frames.get(node);
      if (!f) break;
      const key = `${f.fn || '(anonymous)'} ${short(f.url)}:${f.line}`;
      if (first) self.set(key, (self.get(key) ?? 0) + dt);
      first = false;
      if (!seen.has(key)) incl.set(key, (incl.get(key) ?? 0) + dt);
      seen.add(key);
      node = f.parent;
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => !/^\((root|program|idle)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit);
  return { self: top(self), incl: top(incl) };
}

function summarise(file: string) {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const painted = events.find((e) => e.name === 'bench-card-painted');
  if (!painted) throw new Error(`${file}: no bench-card-painted mark`);
  const { pid } = painted;
  const mainTid = events.find((e) => e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid ?? painted.tid;
  const nav = events
    .filter((e) => e.pid === pid && e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes('/board'))
    .at(-1);
  const t0 = nav?.ts ?? events.filter((e) => e.pid === pid).reduce((m, e) => Math.min(m, e.ts || Infinity), Infinity);
  const at = (ts: number) => (ts - t0) / 1000;
  const end = painted.ts;
  const main = events.filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X' && e.ts >= t0 && e.ts <= end);
  // Top-level tasks only (Chromium nests ThreadControllerImpl::RunTask and RunTask).
  const tasks: TraceEvent[] = [];
  for (const e of main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts)) {
    const last = tasks.at(-1);
    if (last && e.ts < last.ts + (last.dur ?? 0)) continue;
    tasks.push(e);
  }
  const marks = events
    .filter((e) => e.pid === pid && (e.cat.includes('blink.user_timing') || e.cat.includes('loading')) && e.ts >= t0 && e.ts <= end + 1)
    .filter((e) =>
      /^(bench-|domContentLoadedEventEnd|firstContentfulPaint|firstPaint|largestContentfulPaint::Candidate|board-)/.test(e.name),
    );
  const profile = readProfile(events, pid);
  console.log(`\n${path.basename(file)}: first card painted at ${at(end).toFixed(0)} ms`);
  for (const m of marks) console.log(`  mark ${m.name} @ ${at(m.ts).toFixed(0)}`);
  // Network: when each response finished, on the page's clock.
  const sends = new Map<string, { url: string; start: number }>();
  for (const e of events) {
    if (e.name === 'ResourceSendRequest' && e.pid === pid) {
      const d = e.args!.data as { requestId: string; url: string };
      sends.set(d.requestId, { url: short(d.url), start: e.ts });
    }
  }
  const finishes = events.filter((e) => e.name === 'ResourceFinish' && e.pid === pid);
  const lastScript = Math.max(
    ...finishes.filter((e) => /\.js$/.test(sends.get((e.args!.data as { requestId: string }).requestId)?.url ?? '')).map((e) => e.ts),
  );
  const board = finishes.find((e) => sends.get((e.args!.data as { requestId: string }).requestId)?.url.startsWith('/api/board'));
  console.log(`  last script received @ ${at(lastScript).toFixed(0)}; /api/board received @ ${board ? at(board.ts).toFixed(0) : '?'}`);
  let busy = 0;
  let cpu = 0;
  let cpuAfterScripts = 0;
  let prevEnd = t0;
  let idle = 0;
  const rows: string[] = [];
  for (const task of tasks) {
    const dur = (task.dur ?? 0) / 1000;
    busy += dur;
    cpu += (task.tdur ?? task.dur ?? 0) / 1000;
    if (task.ts >= lastScript) cpuAfterScripts += (task.tdur ?? task.dur ?? 0) / 1000;
    const gap = (task.ts - prevEnd) / 1000;
    if (gap > 0) idle += gap;
    prevEnd = Math.max(prevEnd, task.ts + (task.dur ?? 0));
    if (dur < minTask) continue;
    const children = main
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && (e.dur ?? 0) >= 1000)
      .filter((e) => !['RunTask', 'ThreadControllerImpl::RunTask', 'ProfileCall', 'V8.CompileCode'].includes(e.name))
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 5)
      .map((e) => `${describe(e)} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
    rows.push(`  task @ ${at(task.ts).toFixed(0)} +${dur.toFixed(1)} ms (idle before ${gap.toFixed(0)}): ${children.join('; ')}`);
    if (profile && dur >= 20) {
      const h = hot(profile, task.ts, task.ts + (task.dur ?? 0), 6);
      rows.push(`      self: ${h.self.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ')}`);
      rows.push(`      incl: ${h.incl.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ')}`);
    }
  }
  console.log(rows.join('\n'));
  if (profile) {
    // Where the main thread's time went after the code arrived, summed over every task (most are
    // React's 5 ms slices, too short to list one by one).
    const h = hot(profile, lastScript, end, 25);
    console.log(`  after the last script, self: ${h.self.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ')}`);
    console.log(`  after the last script, incl: ${h.incl.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ')}`);
  }
  const long = tasks.filter((t) => (t.dur ?? 0) > 50_000);
  console.log(
    `  main thread from navigation to card: ${tasks.length} tasks, busy ${busy.toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms, ${cpuAfterScripts.toFixed(0)} ms of it after the last script arrived), idle ${idle.toFixed(0)} ms; long tasks ${long.length}: ${long.map((t) => ((t.dur ?? 0) / 1000).toFixed(0)).join(', ')} ms`,
  );
}

if (argv[0] === '--summarise') {
  for (const f of argv.slice(1)) summarise(f);
  process.exit(0);
}

const db = opt('--db') ?? path.join(out, 'speed-1k.db');
if (!opt('--db')) await seedDatabase(db, { open: 1000, done: 2000, declined: 0, timeEntries: 10_000, spanDays: 365, seed: 15 });
const copy = path.join(out, 'trace.db');
for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(db + suffix)) fs.copyFileSync(db + suffix, copy + suffix);
const server = await startServer(copy);
const browser = process.env.CHROMIUM_PATH === 'playwright' ? await chromium.launch() : await launchBrowser();
try {
  const cookie = await signIn(server.url, accounts.marketer, benchPassword);
  const change = await changer({ url: server.url, cookie, pid: server.appPid() });
  // One untraced load first, as the bench's earlier rows warm the server and Chromium.
  await change();
  await traceOnce(browser, server.url, cookie, path.join(out, 'warmup.json'));
  for (let i = 1; i <= runs; i++) {
    await change();
    const file = path.join(out, `board-${i}.json`);
    await traceOnce(browser, server.url, cookie, file);
    summarise(file);
  }
  console.log(
    `\ntraces in ${out}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await browser.close();
  await server.stop();
}
