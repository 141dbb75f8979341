import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { createDemoApp, signIn, type Caller } from './request-helpers';
import { createLead, freePort, killStartedServers, leadEmail, leadPassword, startServer, type ServerProcess } from './server-process';

/*
 * Item 1 of issue 9: a report period at the edge of the calendar froze the server. Every report
 * and export route, with random periods across the accepted range (2000-01-01..2099-12-31), its
 * edges and dates outside it, answers within a bound: in range 200 (or 400 when the period is
 * reversed or too long), out of range 400 naming the parameter, never a 5xx.
 */

const reportUrls = [
  ...['week', 'department', 'type', 'assignee', 'initiative'].map((g) => `/api/reports/time-split?groupBy=${g}&`),
  '/api/reports/headline?',
  '/api/reports/flow?',
  '/api/reports/hand-back?',
  '/api/reports/insights?',
  '/api/exports/requests.csv?',
  '/api/exports/time-entries.csv?',
];

const dayMs = 86_400_000;
const min = Date.UTC(2000, 0, 1);
const max = Date.UTC(2099, 11, 31);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const longestDays = 5 * 366;

const edgeDates = [
  '2000-01-01',
  '2000-01-02',
  '2000-02-29',
  '2000-12-31',
  '2001-01-01',
  '2024-02-29',
  '2026-11-20',
  '2096-02-29',
  '2099-12-01',
  '2099-12-28',
  '2099-12-31',
];
const outOfRange = [
  '0000-01-01',
  '0000-01-31',
  '9999-12-01',
  '9999-12-31',
  '1999-12-31',
  '1970-01-01',
  '2100-01-01',
  '-000001-12-01',
  '+010000-01-01',
  '+275760-09-13',
  '2026-02-30',
];
const inRange = fc.oneof(
  fc.integer({ min: min / dayMs, max: max / dayMs }).map((n) => iso(n * dayMs)),
  fc.constantFrom(...edgeDates),
);
/** Mostly periods a report answers (ordered, at most five years), sometimes reversed or too long. */
const inRangePeriod = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(inRange, fc.integer({ min: 0, max: longestDays - 1 })).map(([from, length]) => {
      const start = Math.min(utc(from), max - length * dayMs);
      return { from: iso(start), to: iso(start + length * dayMs) };
    }),
  },
  { weight: 1, arbitrary: fc.tuple(inRange, inRange).map(([from, to]) => ({ from, to })) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.option(inRange, { nil: undefined }), fc.option(inRange, { nil: undefined })).map(([from, to]) => ({ from, to })),
  },
);
const query = (p: { from?: string; to?: string }) =>
  [p.from === undefined ? '' : `from=${encodeURIComponent(p.from)}`, p.to === undefined ? '' : `to=${encodeURIComponent(p.to)}`]
    .filter(Boolean)
    .join('&');

/** Most a report may take here; the old code never answered at all. */
const boundMs = 5_000;

let t: TestApp;
let lead: Caller;
beforeAll(async () => {
  t = await createDemoApp();
  lead = await signIn(t, 'cmo@example.com');
});
afterAll(() => t.app.close());

async function timed(url: string) {
  const started = performance.now();
  const res = await lead.get(url);
  const ms = performance.now() - started;
  expect(ms, `${url} took ${Math.round(ms)} ms`).toBeLessThan(boundMs);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  return res;
}

describe('report periods across the accepted range (property)', () => {
  it('every report and export answers a period inside the range with 200, or 400 naming `from` when it is reversed or too long', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...reportUrls), inRangePeriod, async (base, period) => {
        const url = base + query(period);
        const res = await timed(url);
        const to = period.to ?? '2026-11-20';
        const from = period.from ?? iso(utc(to) - 27 * dayMs);
        const days = (utc(to) - utc(from)) / dayMs + 1;
        if (days >= 1 && days <= longestDays) {
          expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
        } else {
          const body = expectProblem(res, 400);
          expect(body.errors).toEqual([{ path: 'from', message: expect.any(String) }]);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('a date outside 2000-01-01..2099-12-31, or not a date at all, is a 400 naming the parameter, on every route', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reportUrls),
        fc.constantFrom(...outOfRange),
        fc.constantFrom('from', 'to', 'both'),
        inRange,
        async (base, bad, which, good) => {
          const period = which === 'both' ? { from: bad, to: bad } : which === 'from' ? { from: bad, to: good } : { from: good, to: bad };
          const body = expectProblem(await timed(base + query(period)), 400);
          expect(body.code).toBe('validation.failed');
          const named = body.errors!.map((e) => e.path);
          expect(named).toEqual(which === 'both' ? ['from', 'to'] : [which]);
          const expected =
            bad === '2026-02-30' || bad.length !== 10
              ? 'must be a calendar date YYYY-MM-DD'
              : 'must be a date between 2000-01-01 and 2099-12-31';
          for (const e of body.errors!) expect(e.message).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the periods from the issue are refused at once, and the server keeps answering', async () => {
    for (const url of [
      '/api/reports/time-split?from=0000-01-01&to=0000-01-31',
      '/api/reports/flow?from=9999-12-01&to=9999-12-31',
      '/api/reports/headline?from=0000-01-01&to=0000-03-31',
    ]) {
      expectProblem(await timed(url), 400);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('a period starting 2000-01-01 answers 200 on every route, its previous period lying in 1999', async () => {
    for (const base of reportUrls) expect((await timed(`${base}from=2000-01-01&to=2000-01-31`)).statusCode).toBe(200);
    const split = (await timed('/api/reports/time-split?from=2000-01-01&to=2000-01-31')).json();
    expect(split.previous).toMatchObject({ from: '1999-12-01', to: '1999-12-31' });
    expect(split.groups.map((g: { key: string }) => g.key)).toEqual([
      '1999-12-27',
      '2000-01-03',
      '2000-01-10',
      '2000-01-17',
      '2000-01-24',
      '2000-01-31',
    ]);
    const headline = (await timed('/api/reports/headline?from=2000-01-01&to=2004-12-31')).json();
    expect(headline.previousPeriod).toEqual({ from: '1994-12-31', to: '1999-12-31' });
    const flow = (await timed('/api/reports/flow?from=2099-12-01&to=2099-12-31')).json();
    expect(flow.throughput.map((w: { week: string }) => w.week)).toEqual([
      '2099-11-30',
      '2099-12-07',
      '2099-12-14',
      '2099-12-21',
      '2099-12-28',
    ]);
  });
});

describe('the issue, against the real server process', () => {
  let dir: string;
  let server: ServerProcess;
  let cookie: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-dates-'));
    const db = path.join(dir, 'altitude.db');
    createLead(db);
    server = await startServer(db, await freePort());
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: leadEmail, password: leadPassword }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }, 60_000);
  afterAll(async () => {
    await killStartedServers();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('edge-of-calendar periods get a 400 within seconds, and /api/health answers right after', async () => {
    const urls = [
      '/api/reports/time-split?from=0000-01-01&to=0000-01-31',
      '/api/reports/flow?from=9999-12-01&to=9999-12-31',
      '/api/reports/time-split?groupBy=department&from=0000-01-01&to=0000-12-31',
      '/api/reports/insights?from=%2B010000-01-01&to=%2B010000-01-31',
      '/api/exports/time-entries.csv?from=-000001-12-01&to=0000-01-31',
    ];
    for (const url of urls) {
      const res = await fetch(server.url + url, { headers: { cookie }, signal: AbortSignal.timeout(10_000) });
      expect(res.status, url).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const health = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
    expect(health.status).toBe(200);
  }, 60_000);
});
