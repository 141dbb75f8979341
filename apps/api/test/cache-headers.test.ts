import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser } from './request-helpers';

/**
 * Who may keep a copy of an answer: API answers hold one person's data (no one may store them),
 * index.html must be revalidated so a deploy is picked up, Vite's hashed assets may be kept a
 * year, and a missing file is a 404, never the single-page app's HTML.
 */

const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-web-'));
fs.mkdirSync(path.join(webRoot, 'assets'));
fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Altitude</title><script src="/assets/app-abc123.js"></script>');
fs.writeFileSync(path.join(webRoot, 'assets/app-abc123.js'), 'console.log("app");');
fs.writeFileSync(path.join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline', webRoot });
  await addUser(t, 'lead@example.com', 'lead', 'Marketing');
  cookie = await t.login('lead@example.com');
});
afterAll(async () => {
  await t.app.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

const get = (url: string, signedIn = true) => t.app.inject({ method: 'GET', url, headers: signedIn ? { cookie } : {} });

describe('API answers are never stored', () => {
  it.each([
    ['the signed-in user', '/api/auth/me', 200],
    ['a signed-in list', '/api/departments', 200],
    ['a signed-in report', '/api/reports/headline', 200],
    ['a 404 problem', '/api/no-such-route', 404],
    ['a 404 for a missing record', '/api/requests/999999', 404],
  ])('%s: Cache-Control private, no-store', async (_label, url, status) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('anonymous answers and errors too', async () => {
    for (const res of [
      await get('/api/health', false),
      await get('/api/auth/me', false),
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} }),
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'lead@example.com', password: 'wrong password' } }),
    ]) {
      expect(res.headers['cache-control'], res.body).toBe('private, no-store');
    }
  });

  it('CSV exports', async () => {
    const res = await get('/api/exports/requests.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });
});

describe('the web app', () => {
  it.each(['/', '/board', '/requests/12', '/insights?period=quarter'])('%s is index.html, revalidated on every use', async (url) => {
    const res = await get(url, false);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<title>Altitude</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('a hashed asset may be kept a year', async () => {
    const res = await get('/assets/app-abc123.js', false);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log("app");');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('an unhashed file is revalidated', async () => {
    const res = await get('/favicon.svg', false);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    '/assets/app-old999.js',
    '/assets/app-old999.css',
    '/assets/missing',
    '/assets/nested/thing.png',
    '/favicon.ico',
    '/foo.js',
    '/board/app.css',
  ])('a missing file %s is a 404 problem, not the app', async (url) => {
    const res = await get(url, false);
    const problem = expectProblem(res, 404);
    expect(problem.code).toBe('route.not_found');
    expect(res.body).not.toContain('<title>Altitude</title>');
  });
});
