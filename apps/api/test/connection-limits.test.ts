import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';
import { rawSocket, trickle, within, type RawSocket } from './raw-socket';
import { addUser } from './request-helpers';
import { createLead, freePort, killStartedServers, repoRoot, startServer } from './server-process';

/**
 * Slow and idle clients cannot hold sockets: the request (headers and body) must arrive within
 * the request timeout, the headers within the headers timeout, an idle keep-alive socket is
 * closed, and past the connection cap a new socket is closed at once. Small limits here; the
 * defaults are in src/limits.ts.
 */

const listen = async (t: TestApp) => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return (t.app.server.address() as AddressInfo).port;
};

describe('request, header and keep-alive timeouts', () => {
  let t: TestApp;
  let port: number;
  let cookie: string;
  const sockets: RawSocket[] = [];
  const connect = async () => {
    const s = await rawSocket(port);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await createTestApp({
      seed: 'baseline',
      limits: { requestTimeoutMs: 1000, headersTimeoutMs: 1000, keepAliveTimeoutMs: 500, heartbeatMs: 200 },
    });
    await addUser(t, 'lead@example.com', 'lead', 'Marketing');
    cookie = await t.login('lead@example.com');
    port = await listen(t);
  });
  afterAll(async () => {
    for (const s of sockets) s.socket.destroy();
    await t.app.close();
  });

  it('a sign-in body trickled a byte at a time is cut with 408 soon after the request timeout', async () => {
    const s = await connect();
    s.socket.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"email":',
    );
    const stop = trickle(s.socket, ' ', 200);
    const closedAfter = await within(s.closed, 4000);
    stop();
    expect(closedAfter).not.toBe('timeout');
    // Cut by the timeout (1 s), not by anything earlier, and well before a trickle could finish.
    expect(closedAfter as number).toBeGreaterThanOrEqual(900);
    expect(closedAfter as number).toBeLessThan(3000);
    expect(s.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('headers trickled a line at a time are cut soon after the headers timeout', async () => {
    const s = await connect();
    s.socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n');
    const stop = trickle(s.socket, 'X-Slow: a\r\n', 200);
    const closedAfter = await within(s.closed, 4000);
    stop();
    expect(closedAfter).not.toBe('timeout');
    expect(closedAfter as number).toBeLessThan(3000);
    expect(s.received()).not.toMatch(/^HTTP\/1\.1 200 /);
  });

  it('a connection that never sends a request is closed too', async () => {
    const s = await connect();
    expect(await within(s.closed, 4000)).not.toBe('timeout');
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const s = await connect();
    s.socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const closedAfter = await within(s.closed, 4000);
    expect(s.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(closedAfter).not.toBe('timeout');
    expect(closedAfter as number).toBeLessThan(2500);
  });

  it('an event stream is exempt: it outlives the request timeout and still delivers changes', async () => {
    const s = await connect();
    s.socket.write(`GET /api/events HTTP/1.1\r\nHost: localhost\r\nCookie: ${cookie}\r\nAccept: text/event-stream\r\n\r\n`);
    await new Promise((r) => setTimeout(r, 2500));
    expect(s.isClosed()).toBe(false);
    expect(s.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(s.received().split(': ping').length - 1).toBeGreaterThanOrEqual(5);
    t.app.events.publish({ type: 'column.rebalanced', status: 'planned' }, null);
    await new Promise((r) => setTimeout(r, 200));
    expect(s.received()).toContain('data: {"type":"column.rebalanced","status":"planned"}');
  });

  it('a normal request within the timeouts is answered', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
  });
});

describe('connection cap', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', limits: { maxConnections: 5 } });
    port = await listen(t);
  });
  afterAll(() => t.app.close());

  it('past the cap a new connection is closed unanswered; once sockets close, the server answers again', async () => {
    const held = await Promise.all(Array.from({ length: 5 }, () => rawSocket(port)));
    // Let the server accept all five before the sixth arrives.
    await new Promise((r) => setTimeout(r, 100));
    const sixth = await rawSocket(port).catch(() => null);
    if (sixth) {
      sixth.socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n');
      expect(await within(sixth.closed, 2000)).not.toBe('timeout');
      expect(sixth.received()).toBe('');
    }
    for (const s of held) s.socket.destroy();
    await Promise.all(held.map((s) => s.closed));
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { connection: 'close' } });
    expect(res.status).toBe(200);
  });
});

describe('the server process takes its limits from the environment', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-limits-'));
  const databasePath = path.join(dir, 'limits.db');
  beforeAll(() => createLead(databasePath));
  afterAll(async () => {
    await killStartedServers();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('REQUEST_TIMEOUT_MS cuts a trickled body', async () => {
    const port = await freePort();
    await startServer(databasePath, port, { REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '1000' });
    const s = await rawSocket(port);
    s.socket.write('POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{');
    const stop = trickle(s.socket, ' ', 200);
    const closedAfter = await within(s.closed, 4000);
    stop();
    expect(closedAfter).not.toBe('timeout');
    expect(s.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a setting that is not a positive whole number stops start-up, naming it', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/api/src/server.ts')], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_PATH: databasePath, ALTITUDE_DEMO: '0', MAX_CONNECTIONS: 'lots' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('MAX_CONNECTIONS must be a positive whole number');
  });
});
