import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@altitude/shared/events';
import { createTestApp, demoToday, type TestApp } from './harness';
import { rawSocket, type RawSocket } from './raw-socket';
import { addUser, signIn } from './request-helpers';

/**
 * Live update streams are bounded: a few per user, a cap in all, a small unsent buffer each, and
 * they end with the session that opened them (sign-out, expiry, deactivation, role change).
 * Small limits and a clock the test moves.
 */

interface Stream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body(): string;
  ended(): boolean;
  /** Resolves true once the server has ended the stream, false after `ms`. */
  endsWithin(ms: number): Promise<boolean>;
  close(): void;
}

function openStream(port: number, cookie: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: '/api/events', headers: { cookie, accept: 'text/event-stream' }, agent: false },
      (res) => {
        let body = '';
        let ended = false;
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('close', () => (ended = true));
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: () => body,
          ended: () => ended,
          endsWithin: async (ms) => {
            const deadline = Date.now() + ms;
            while (!ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
            return ended;
          },
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
  });
}

let clock = demoToday.getTime();
let t: TestApp;
let port: number;
const open: { close(): void }[] = [];
const stream = async (cookie: string) => {
  const s = await openStream(port, cookie);
  open.push(s);
  return s;
};
const waitFor = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return check();
};
const userIdOf = async (email: string) => (await signIn(t, email)).user.id;

beforeAll(async () => {
  t = await createTestApp({
    seed: 'baseline',
    now: () => new Date(clock),
    limits: { streamsPerUser: 2, streamsTotal: 4, streamBufferBytes: 64 * 1024, heartbeatMs: 100 },
  });
  await addUser(t, 'lead@example.com', 'lead', 'Marketing');
  for (const name of ['ana', 'ben', 'cy', 'dee', 'eve']) await addUser(t, `${name}@example.com`, 'marketer', 'Marketing');
  await addUser(t, 'sam@example.com', 'requester', 'Sales');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  await waitFor(() => t.app.events.count() === 0);
});
afterAll(() => t.app.close());

describe('stream caps', () => {
  it('a user past the per-user cap gets 429 problem+json with Retry-After; others are unaffected, and a closed stream frees its place', async () => {
    const cookie = await t.login('ana@example.com');
    const first = await stream(cookie);
    const second = await stream(await t.login('ana@example.com'));
    expect([first.status, second.status]).toEqual([200, 200]);

    const third = await stream(cookie);
    expect(third.status).toBe(429);
    expect(third.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(third.headers['x-content-type-options']).toBe('nosniff');
    await third.endsWithin(1000);
    expect(JSON.parse(third.body())).toMatchObject({ status: 429, code: 'events.too_many_streams' });

    expect((await stream(await t.login('ben@example.com'))).status).toBe(200);

    first.close();
    const id = await userIdOf('ana@example.com');
    expect(await waitFor(() => t.app.events.count(id) === 1)).toBe(true);
    expect((await stream(cookie)).status).toBe(200);
  });

  it('past the total cap any user gets 503 problem+json with Retry-After', async () => {
    for (const email of ['ana@example.com', 'ben@example.com']) {
      const cookie = await t.login(email);
      for (let i = 0; i < 2; i++) expect((await stream(cookie)).status).toBe(200);
    }
    const refused = await stream(await t.login('cy@example.com'));
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await refused.endsWithin(1000);
    expect(JSON.parse(refused.body())).toMatchObject({ status: 503, code: 'events.server_busy' });
    expect(t.app.events.count()).toBe(4);
  });
});

describe('back-pressure', () => {
  it('a stream whose reader stops reading is closed once its unsent buffer passes the bound; a reading stream lives on', async () => {
    const stalled: RawSocket = await rawSocket(port);
    open.push({ close: () => stalled.socket.destroy() });
    stalled.socket.write(`GET /api/events HTTP/1.1\r\nHost: localhost\r\nCookie: ${await t.login('dee@example.com')}\r\n\r\n`);
    expect(await waitFor(() => stalled.received().startsWith('HTTP/1.1 200 '))).toBe(true);
    stalled.socket.pause();
    const reader = await stream(await t.login('eve@example.com'));
    const stalledId = await userIdOf('dee@example.com');
    const readerId = await userIdOf('eve@example.com');

    // 16 KiB events, one at a time, so the reading side keeps up as a real client would. Far
    // more than the kernel's socket buffers can take (a few MiB on loopback).
    const padding = 'x'.repeat(16 * 1024);
    let published = 0;
    while (t.app.events.count(stalledId) > 0 && published < 4000) {
      t.app.events.publish({ type: 'request.commented', requestId: ++published, padding } as unknown as ChangeEvent, null);
      await new Promise((r) => setImmediate(r));
    }
    expect(t.app.events.count(stalledId)).toBe(0);
    // Closed well before everything was sent: at most what the kernel buffers plus the bound.
    expect(published).toBeLessThan(4000);

    // The reader got every event and is still open.
    expect(await waitFor(() => reader.body().includes(`"requestId":${published},`))).toBe(true);
    expect(reader.ended()).toBe(false);
    expect(t.app.events.count(readerId)).toBe(1);
  });
});

describe('a stream ends with its session', () => {
  it('signing out ends the streams of that session; another session of the same user keeps its stream', async () => {
    const signedOut = await signIn(t, 'ana@example.com');
    const other = await t.login('ana@example.com');
    const ending = await stream(signedOut.cookie);
    const staying = await stream(other);
    expect(ending.status).toBe(200);
    expect((await signedOut.post('/api/auth/logout')).statusCode).toBe(204);
    expect(await ending.endsWithin(1000)).toBe(true);
    // Several heartbeats later the other session's stream is still there and still hears changes.
    await new Promise((r) => setTimeout(r, 400));
    expect(staying.ended()).toBe(false);
    t.app.events.publish({ type: 'column.rebalanced', status: 'planned' }, null);
    expect(await waitFor(() => staying.body().includes('column.rebalanced'))).toBe(true);
  });

  it('an expired session ends its stream at the next heartbeat; heartbeats do not count as activity', async () => {
    const s = await stream(await t.login('ben@example.com'));
    // 11 h without a request: the session (idle limit 12 h) is still good, whatever the heartbeats did.
    clock += 11 * 3_600_000;
    await new Promise((r) => setTimeout(r, 300));
    expect(s.ended()).toBe(false);
    // Two hours more: 13 h since the last request. Heartbeats in between must not have renewed it.
    clock += 2 * 3_600_000;
    expect(await s.endsWithin(1000)).toBe(true);
  });

  it('deactivating a user ends their streams', async () => {
    await addUser(t, 'gus@example.com', 'marketer', 'Marketing');
    const lead = await signIn(t, 'lead@example.com');
    const s = await stream(await t.login('gus@example.com'));
    expect(s.status).toBe(200);
    expect((await lead.patch(`/api/users/${await userIdOf('gus@example.com')}`, { active: false })).statusCode).toBe(200);
    expect(await s.endsWithin(1000)).toBe(true);
  });

  it("changing a user's role ends their streams", async () => {
    const lead = await signIn(t, 'lead@example.com');
    const id = await userIdOf('sam@example.com');
    const s = await stream(await t.login('sam@example.com'));
    expect(s.status).toBe(200);
    expect((await lead.patch(`/api/users/${id}`, { role: 'marketer' })).statusCode).toBe(200);
    expect(await s.endsWithin(1000)).toBe(true);
  });
});
