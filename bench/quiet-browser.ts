// Cold loads of a page in Chromium with nothing of DevTools listening while it loads, for the
// figures a person's browser would show: the first card and the long tasks at load.
//
// Playwright enables the Runtime and Network domains on every page and makes a world of its own
// in each new document. That is its job, but it is work on the page's main thread no person's
// browser does: traced, the task that commits the navigation held 33 ms of DevTools' "context
// created" notification and 12 ms creating Playwright's world, one long task of 66–111 ms on
// every cold load, and the first card came 100–150 ms later than with nothing attached
// (bench/README.md). Here Chromium is driven over its DevTools pipe directly, with only the Page
// domain enabled (it runs the probe before the page's scripts); the figures are read in the page,
// with Runtime.evaluate, once the card is painted.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cardSelector, chromiumPath, firstCardProbe, launchArgs, nameShim, readTimeline, settle, type Timeline } from './browser';

/** Chromium's own flags as Playwright launches it (read off its command line), so the two differ only in what listens. */
const playwrightDefaults = [
  '--disable-field-trial-config',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--disable-component-update',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,AvoidCorsURLLoaderRestartOnRedirect,TcpPortRandomizationWin,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch',
  '--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies',
  '--allow-pre-commit-input',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-service-autorun',
  '--disable-search-engine-choice-screen',
  '--enable-unsafe-swiftshader',
  '--disable-infobars',
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
];

/** Long tasks the page saw from its first script on (the observer is buffered: from navigation). */
const longTaskObserver = () => {
  const w = window as unknown as { __long: { ms: number; list: { at: number; ms: number }[] } };
  w.__long = { ms: 0, list: [] };
  new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => {
      w.__long.ms += e.duration;
      w.__long.list.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) });
    }),
  ).observe({ type: 'longtask', buffered: true });
};

export interface QuietLoad {
  /** Navigation start → the frame after the first card was in view (page clock, ms). */
  painted: number;
  /** The same from outside: Page.navigate sent → the probe's answer read (ms). */
  wall: number;
  longTaskMs: number;
  longTaskList: { at: number; ms: number }[];
  timeline: Timeline;
  /** Bytes of JavaScript (uncompressed) the page had loaded by then. */
  jsBytes: number;
}

export interface QuietBrowser {
  /** One cold load of `pathname` (fresh browser context, empty cache), signed in with `cookie`. */
  coldLoad(url: string, cookie: string, pathname?: string): Promise<QuietLoad>;
  close(): Promise<void>;
}

interface Message {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export async function launchQuietBrowser(): Promise<QuietBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-bench-chromium-'));
  const args = [...new Set([...playwrightDefaults, ...launchArgs])];
  const child: ChildProcess = spawn(
    chromiumPath(),
    [...args, `--user-data-dir=${profile}`, '--remote-debugging-pipe', '--no-startup-window'],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  const toBrowser = child.stdio[3] as NodeJS.WritableStream;
  const fromBrowser = child.stdio[4] as NodeJS.ReadableStream;
  const waiting = new Map<number, (m: Message) => void>();
  let next = 0;
  let buffered = '';
  let exited: Error | null = null;
  child.once('exit', (code) => {
    exited = new Error(`Chromium exited (code ${code})`);
    for (const done of waiting.values()) done({ error: { message: exited.message } });
    waiting.clear();
  });
  // Messages are JSON separated by NUL bytes, both ways.
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
      }
    }
  });
  // A command Chromium never answers fails after two minutes (an awaited card has its own 60 s), not the bench's whole run.
  const send = <T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(exited);
      const id = ++next;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`${method}: no answer from Chromium within 120 s`));
      }, 120_000);
      waiting.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve(m.result as T);
      });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Runtime.evaluate without Runtime.enable: until the new document's context exists, it answers that it cannot find one. */
  const evaluate = async <T>(sessionId: string, expression: string, timeoutMs = 60_000): Promise<T> => {
    const started = Date.now();
    for (;;) {
      try {
        const r = await send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
          'Runtime.evaluate',
          { expression, awaitPromise: true, returnByValue: true },
          sessionId,
        );
        if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
        return r.result.value as T;
      } catch (err) {
        if (!/execution context/i.test(String(err)) || Date.now() - started > timeoutMs) throw err;
        await sleep(20);
      }
    }
  };
  const page = async (browserContextId: string, url: string) => {
    const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url, browserContextId });
    const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    return { targetId, sessionId };
  };
  await send('Browser.getVersion');

  return {
    async coldLoad(url, cookie, pathname = '/board') {
      const { browserContextId } = await send<{ browserContextId: string }>('Target.createBrowserContext', { disposeOnDetach: true });
      try {
        const [name, value] = cookie.split('=') as [string, string];
        const host = new URL(url).hostname;
        await send('Storage.setCookies', {
          browserContextId,
          cookies: [{ name, value, domain: host, path: '/', httpOnly: true, sameSite: 'Lax' }],
        });
        // A returning board reader, as storageFor (browser.ts) sets it: on a page of the origin, as Playwright does.
        const setup = await page(browserContextId, `${url}/favicon.svg`);
        await evaluate(
          setup.sessionId,
          `new Promise((r) => document.readyState === 'complete' ? r() : addEventListener('load', () => r()))`,
        );
        await evaluate(setup.sessionId, `localStorage.setItem('altitude.boardReader', '1')`);
        await send('Target.closeTarget', { targetId: setup.targetId });

        const { sessionId } = await page(browserContextId, 'about:blank');
        await send('Emulation.setDeviceMetricsOverride', { width: 1440, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
        // Page.enable: without it the script below is not run in new documents. Nothing else is enabled.
        await send('Page.enable', {}, sessionId);
        const probe = `${nameShim.content};(${longTaskObserver.toString()})();(${firstCardProbe.toString()})(${JSON.stringify(cardSelector)});`;
        await send('Page.addScriptToEvaluateOnNewDocument', { source: probe }, sessionId);
        await settle();
        const started = performance.now();
        await send('Page.navigate', { url: `${url}${pathname}` }, sessionId);
        // Until the new document (and so its probe) is there; each look is one small task in the page.
        for (let i = 0; ; i++) {
          const ready = await evaluate<boolean>(
            sessionId,
            `location.pathname === ${JSON.stringify(pathname)} && typeof window.__bench === 'object'`,
          );
          if (ready) break;
          if (i > 600) throw new Error(`${pathname} did not load within 60 s`);
          await sleep(100);
        }
        let painted: number;
        try {
          painted = await evaluate<number>(
            sessionId,
            `Promise.race([window.__bench.done, new Promise((_, reject) => setTimeout(() => reject(new Error('no card painted within 60 s')), 60000))])`,
          );
        } catch (err) {
          const shot = path.join(os.tmpdir(), `altitude-bench-quiet-${Date.now()}.png`);
          const image = await send<{ data: string }>('Page.captureScreenshot', {}, sessionId).catch(() => null);
          if (image) fs.writeFileSync(shot, Buffer.from(image.data, 'base64'));
          throw new Error(
            `no card visible on ${pathname}${image ? ` (screenshot ${shot})` : ''}: ${err instanceof Error ? err.message : String(err)}`,
            {
              cause: err,
            },
          );
        }
        const wall = performance.now() - started;
        const long = await evaluate<{ ms: number; list: { at: number; ms: number }[] }>(sessionId, 'window.__long');
        const timeline = await evaluate<Timeline>(sessionId, `(${readTimeline.toString()})(${painted})`);
        const jsBytes = await evaluate<number>(
          sessionId,
          `performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname.endsWith('.js')).reduce((s, r) => s + r.decodedBodySize, 0)`,
        );
        return { painted, wall, longTaskMs: long.ms, longTaskList: long.list, timeline, jsBytes };
      } finally {
        await send('Target.disposeBrowserContext', { browserContextId }).catch(() => undefined);
      }
    },
    async close() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        await send('Browser.close').catch(() => undefined);
        await Promise.race([gone, sleep(5_000)]);
        if (!exited) child.kill('SIGKILL');
      }
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
