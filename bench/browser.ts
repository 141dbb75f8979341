// Browser figures on the built app, with Playwright driving Debian's Chromium as the e2e tests do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { percentile } from './load';
import type { QuietBrowser, QuietLoad } from './quiet-browser';

/** The launch flags of playwright.config.ts. */
export const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const viewport = { width: 1440, height: 900 };
export const cardSelector = '[data-testid^="card-"]';

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: launchArgs });
}

/** Busy and idle CPU time of the whole machine so far, in clock ticks, from /proc/stat. */
function machineTicks(): { busy: number; idle: number } {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are the idle ones.
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { busy: cpu.slice(0, 8).reduce((a, b) => a + b, 0) - idle, idle };
}

/**
 * Waits until the machine has been mostly idle (at least `idleShare` of its CPUs over 200 ms)
 * or `maxMs` has passed; returns how long it waited. A cold load starts from a settled
 * machine, as a person's does: in the second after it opens a window, Chromium renders its own
 * WebUI (the omnibox popup, `chrome://omnibox-popup.top-chrome/`, in a renderer of its own) and
 * that took about 0.8 s of CPU, which on 2 CPUs the board's load waited for.
 */
export async function settle(maxMs = 5_000, idleShare = 0.8): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < maxMs) {
    const a = machineTicks();
    await new Promise((r) => setTimeout(r, 200));
    const b = machineTicks();
    const idle = b.idle - a.idle;
    const total = idle + b.busy - a.busy;
    if (total > 0 && idle / total >= idleShare) break;
  }
  return performance.now() - started;
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name(...)`;
 * functions sent to the page keep those calls, so the page gets a do-nothing `__name`.
 */
export const nameShim = { content: 'globalThis.__name ??= (fn) => fn;' };

async function signedInContext(browser: Browser, url: string, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, baseURL: url, storageState: storageFor(url, cookie) });
  await context.addInitScript(nameShim);
  return context;
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A signed-in storage state: the session cookie the server set for `cookie` (name=value). */
export function storageFor(url: string, cookie: string): StorageState {
  const [name, value] = cookie.split('=') as [string, string];
  return {
    cookies: [{ name, value, domain: new URL(url).hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }],
    // A returning board reader: public/board-early.js starts the board's read before the code.
    origins: [{ origin: new URL(url).origin, localStorage: [{ name: 'altitude.boardReader', value: '1' }] }],
  };
}

/**
 * Runs in the page before any of its scripts: on every animation frame, looks for a card with a
 * box inside the viewport; the frame after the one that found it has painted it. `__bench.done`
 * resolves then, so the bench waits on one promise (waitForPaintedCard) instead of polling.
 */
export const firstCardProbe = (selector: string) => {
  const w = window as unknown as { __bench: { found?: number; painted?: number; done?: Promise<number> } };
  let resolve: (painted: number) => void = () => undefined;
  w.__bench = { done: new Promise<number>((r) => (resolve = r)) };
  const tick = () => {
    if (w.__bench.found !== undefined) {
      w.__bench.painted = performance.now();
      resolve(w.__bench.painted);
      return;
    }
    const card = document.querySelector(selector);
    if (card) {
      const box = card.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.top < innerHeight && box.bottom > 0) w.__bench.found = performance.now();
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/**
 * Waits, from outside, for the frame after the first card was painted (firstCardProbe, added as
 * an init script): one evaluate that awaits the probe's promise. Not a Playwright locator or
 * waitForFunction: those inject Playwright's selector engine into the loading page and poll it on
 * its main thread, about 100 ms of the page's CPU that no person's browser spends.
 */
export async function waitForPaintedCard(page: Page, timeoutMs = 60_000): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no card painted within ${ms} ms`)), ms);
        const w = window as unknown as { __bench?: { done?: Promise<number> } };
        void w.__bench?.done?.then((painted) => {
          clearTimeout(timer);
          resolve(painted);
        });
        if (!w.__bench?.done) reject(new Error('the first-card probe is not in the page'));
      }),
    timeoutMs,
  );
}

export interface FirstCard {
  /** Navigation start → the frame after the first card was in the viewport, per run (ms, in-page clock). */
  runs: number[];
  median: number;
  /** The same, measured from outside (goto → the probe's answer reached the bench), for a cross-check. */
  wallMedian: number;
  /** Bytes of JavaScript (uncompressed) the page loaded before its first card showed, last run. */
  jsBytes: number;
  /** Where the time went in the median run (page clock, ms): when scripts, the session check and the board read ran. */
  timeline: Timeline;
}

/** Milestones of one load, from the Resource Timing entries (ms since navigation start). */
export interface Timeline {
  domContentLoaded: number;
  /** The last script finished downloading. */
  scriptsLoaded: number;
  meRequest: { start: number; end: number } | null;
  boardRequest: { start: number; firstByte: number; end: number; bytes: number } | null;
  cardPainted: number;
}

/** Reads a load's milestones in the page (Resource Timing); serialised into it, so self-contained. */
export const readTimeline = (cardPainted: number): Timeline => {
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const find = (suffix: string) => resources.find((r) => new URL(r.name).pathname === suffix);
  const me = find('/api/auth/me');
  const board = find('/api/board');
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
    scriptsLoaded: Math.max(
      0,
      ...resources.filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js')).map((r) => r.responseEnd),
    ),
    meRequest: me ? { start: me.startTime, end: me.responseEnd } : null,
    boardRequest: board
      ? { start: board.startTime, firstByte: board.responseStart, end: board.responseEnd, bytes: board.decodedBodySize }
      : null,
    cardPainted,
  };
};

/**
 * firstCardVisible's figures from cold loads in a Chromium with nothing of DevTools listening
 * while the page loads (quiet-browser.ts): what a person's browser would show. `before` runs
 * ahead of each load (a change to the data, so the server computes the board afresh).
 */
export async function firstCardQuiet(
  quiet: QuietBrowser,
  url: string,
  cookie: string,
  runs: number,
  before?: () => Promise<void>,
): Promise<FirstCard> {
  const loads: QuietLoad[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    loads.push(await quiet.coldLoad(url, cookie));
  }
  return firstCardOf(
    loads.map((l) => l.painted),
    loads.map((l) => l.wall),
    loads.at(-1)!.jsBytes,
    loads.map((l) => l.timeline),
  );
}

/**
 * Cold loads of /board (fresh context, empty browser cache, already signed in), `runs` times;
 * `before` runs ahead of each (a change to the data, so the server computes the board afresh).
 */
export async function firstCardVisible(
  browser: Browser,
  url: string,
  cookie: string,
  runs: number,
  before?: () => Promise<void>,
): Promise<FirstCard> {
  const inPage: number[] = [];
  const wall: number[] = [];
  const timelines: Timeline[] = [];
  let jsBytes = 0;
  for (let i = 0; i < runs; i++) {
    const context = await signedInContext(browser, url, cookie);
    const page = await context.newPage();
    await page.addInitScript(firstCardProbe, cardSelector);
    await before?.();
    await settle();
    const started = performance.now();
    await page.goto('/board', { waitUntil: 'commit' });
    let painted: number;
    try {
      painted = await waitForPaintedCard(page);
    } catch (err) {
      const shot = path.join(os.tmpdir(), `altitude-bench-first-card-${Date.now()}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(
        `no card visible on ${page.url()} (screenshot ${shot}): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
        { cause: err },
      );
    }
    wall.push(performance.now() - started);
    inPage.push(painted);
    timelines.push(await page.evaluate(readTimeline, inPage[inPage.length - 1]!));
    // Read from Resource Timing once the card is in view: fetching each script's body over the
    // DevTools protocol while the page loads (as this did) took CPU the load waited for on 2 CPUs.
    jsBytes = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => new URL(r.name).pathname.endsWith('.js'))
        .reduce((sum, r) => sum + r.decodedBodySize, 0),
    );
    await context.close();
  }
  return firstCardOf(inPage, wall, jsBytes, timelines);
}

/** The median load (page clock), the median wall clock, and the median load's timeline. */
function firstCardOf(inPage: number[], wall: number[], jsBytes: number, timelines: Timeline[]): FirstCard {
  const median = percentile(
    [...inPage].sort((a, b) => a - b),
    0.5,
  );
  return {
    runs: inPage,
    median,
    wallMedian: percentile(
      [...wall].sort((a, b) => a - b),
      0.5,
    ),
    jsBytes,
    timeline: timelines[inPage.indexOf(median)] ?? timelines[0]!,
  };
}

export interface BoardPageFigures {
  domNodes: number;
  renderedCards: number;
  /** ArrowDown keydown → the animation frame in which the live region or a transform changed, per step (ms). */
  dragSteps: number[];
  dragMedian: number;
  dragMax: number;
  /** Long tasks (> 50 ms) seen while the board loaded and the drag ran, total ms. */
  longTaskMs: number;
}

/** Loads the board, counts its DOM once it settled, then picks a card up with Space and moves it with ArrowDown `steps` times. */
export async function boardPage(browser: Browser, url: string, cookie: string, steps: number): Promise<BoardPageFigures> {
  const context = await signedInContext(browser, url, cookie);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number };
    w.__longTasks = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__longTasks += e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  try {
    await page.goto('/board');
    await page.locator(cardSelector).first().waitFor({ state: 'visible', timeout: 60_000 });
  } catch (err) {
    const shot = path.join(os.tmpdir(), `altitude-bench-board-${Date.now()}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    await context.close();
    throw new Error(`no card visible on ${page.url()} (screenshot ${shot})`, { cause: err });
  }
  try {
    // Let queries settle (the SSE stream never goes idle, so there is no "network idle" to wait for).
    await page.waitForTimeout(1500);
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const renderedCards = await page.locator(cardSelector).count();

    const card = page.getByTestId('column-planned').locator('[aria-roledescription="Draggable card"]').first();
    await card.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (document.querySelector('[id^="DndLiveRegion"]')?.textContent ?? '').length > 0, undefined, {
      timeout: 10_000,
    });
    // dnd-kit listens for arrow keys a moment after pick-up (the e2e test waits the same).
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      const w = window as unknown as { __drag: number[] };
      w.__drag = [];
      const snapshot = () => {
        const live = document.querySelector('[id^="DndLiveRegion"]')?.textContent ?? '';
        const moved = [...document.querySelectorAll<HTMLElement>('[aria-roledescription="Draggable card"], [data-overlay]')]
          .map((el) => el.style.transform || el.parentElement?.style.transform || '')
          .join('|');
        return `${live}#${moved}`;
      };
      window.addEventListener(
        'keydown',
        (e) => {
          if (e.key !== 'ArrowDown') return;
          const t0 = e.timeStamp;
          const before = snapshot();
          const tick = () => {
            const now = performance.now();
            if (snapshot() !== before) w.__drag.push(now - t0);
            else if (now - t0 > 3000) w.__drag.push(Infinity);
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        },
        { capture: true },
      );
    });
    for (let i = 0; i < steps; i++) {
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(250);
    }
    await page.keyboard.press('Escape');
    const dragSteps = await page.evaluate(() => (window as unknown as { __drag: number[] }).__drag);
    const longTaskMs = await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);
    const sorted = [...dragSteps].sort((a, b) => a - b);
    return {
      domNodes,
      renderedCards,
      dragSteps,
      dragMedian: percentile(sorted, 0.5),
      dragMax: sorted[sorted.length - 1] ?? NaN,
      longTaskMs,
    };
  } finally {
    await context.close();
  }
}
