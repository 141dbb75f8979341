import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Board } from '@altitude/shared/requests';
import { ifNoneMatchHolds } from '../src/plugins/read-cache';
import { createTestApp, demoToday, type TestApp } from './harness';
import { column, fileRequest, ok, requestTypeId, signIn, signInDemoAccounts, type Caller, type DemoCallers } from './request-helpers';

/**
 * Board and request reads answer with an ETag and honour If-None-Match (issue 15): a client that
 * already holds the answer (after an event-stream reconnect, a window refocus) gets an empty
 * 304. The ETag names what the answer is computed from (the data, the minute, the query, the
 * caller), so any change makes the next read a 200, and no one's ETag is a 304 for anyone else.
 */

// The clock moves only when a test moves it: a new minute is a test of its own.
let now = new Date(demoToday);
let t: TestApp;
let as: DemoCallers;
let nina: Caller;
let filed: number;

beforeAll(async () => {
  t = await createTestApp({ seed: 'demo', now: () => new Date(now) });
  as = await signInDemoAccounts(t);
  nina = await signIn(t, 'nina.marketing@example.com');
  filed = (await fileRequest(as.sales, { title: 'Revalidation banner', typeId: await requestTypeId(as.sales, 'Event banner') })).id;
});
afterAll(() => t.app.close());

const read = (caller: Caller, url: string, etag?: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: caller.cookie, ...(etag ? { 'if-none-match': etag } : {}) } });

function expectFresh(res: LightMyRequestResponse): string {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['cache-control']).toBe('private, no-cache');
  const etag = String(res.headers.etag);
  expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
  return etag;
}

function expectNotModified(res: LightMyRequestResponse, etag: string) {
  expect(res.statusCode, res.body).toBe(304);
  expect(res.body).toBe('');
  expect(res.headers.etag).toBe(etag);
  expect(res.headers['cache-control']).toBe('private, no-cache');
}

describe('GET /api/board', () => {
  it('unchanged: the same ETag is a 304 with an empty body, as often as asked', async () => {
    const etag = expectFresh(await read(as.marketer, '/api/board'));
    for (let i = 0; i < 3; i++) expectNotModified(await read(as.marketer, '/api/board', etag), etag);
    // In a list, with or without W/, or `*`: all name the answer the client holds.
    expectNotModified(await read(as.marketer, '/api/board', `"other", ${etag}`), etag);
    expectNotModified(await read(as.marketer, '/api/board', etag.slice(2)), etag);
    expectNotModified(await read(as.marketer, '/api/board', '*'), etag);
  });

  it('HEAD names the same answer: its ETag, and a 304 for the ETag the client holds', async () => {
    const etag = expectFresh(await read(as.marketer, '/api/board'));
    const head = (inm?: string) =>
      t.app.inject({
        method: 'HEAD',
        url: '/api/board',
        headers: { cookie: as.marketer.cookie, ...(inm ? { 'if-none-match': inm } : {}) },
      });
    const fresh = await head();
    expect(fresh.statusCode).toBe(200);
    expect(fresh.body).toBe('');
    expect(fresh.headers.etag).toBe(etag);
    expectNotModified(await head(etag), etag);
    expect((await head('W/"not-this-one"')).statusCode).toBe(200);
  });

  it.each(['/api/board', '/api/board?q=Renamed', '/api/board/columns/done'])(
    'a HEAD that comes first after a change leaves the whole answer for the next GET (%s)',
    async (url) => {
      const whole = (await read(as.marketer, url)).body;
      t.app.db.$client.prepare('update requests set title = ? where id = ?').run(`Renamed before a HEAD ${url}`, filed);
      const first = await t.app.inject({ method: 'HEAD', url, headers: { cookie: as.marketer.cookie } });
      expect(first.statusCode).toBe(200);
      expect(first.body).toBe('');
      const res = await read(as.marketer, url);
      expect(first.headers.etag).toBe(expectFresh(res));
      // The answer itself, not what HEAD sent (nothing): as long as it was before, give or take the new title.
      expect(Math.abs(res.body.length - whole.length)).toBeLessThan(100);
      JSON.parse(res.body);
    },
  );

  it('another ETag, or none, gets the whole board', async () => {
    const etag = expectFresh(await read(as.marketer, '/api/board'));
    const res = await read(as.marketer, '/api/board', 'W/"not-this-one"');
    expect(expectFresh(res)).toBe(etag);
    expect(ok<Board>(res).columns.length).toBeGreaterThan(0);
  });

  it('after a move the old ETag gets a 200 with the move in it and a new ETag', async () => {
    const before = expectFresh(await read(as.marketer, '/api/board'));
    const card = column(ok<Board>(await read(as.marketer, '/api/board')), 'planned').cards[0]!;
    ok(await as.marketer.post(`/api/requests/${card.id}/move`, { status: 'in_progress', version: card.version }));
    const res = await read(as.marketer, '/api/board', before);
    const after = expectFresh(res);
    expect(after).not.toBe(before);
    expect(column(ok<Board>(res), 'in_progress').cards.map((c) => c.id)).toContain(card.id);
    expectNotModified(await read(as.marketer, '/api/board', after), after);
  });

  it('a write that did not come through HTTP changes the ETag too', async () => {
    const before = expectFresh(await read(as.marketer, '/api/board'));
    t.app.db.$client.prepare("update requests set title = 'Renamed by a script' where id = ?").run(filed);
    expect(expectFresh(await read(as.marketer, '/api/board', before))).not.toBe(before);
  });

  it('a new minute (SLA states are judged per minute) makes a new ETag', async () => {
    const before = expectFresh(await read(as.marketer, '/api/board'));
    now = new Date(now.getTime() + 60_000);
    const after = expectFresh(await read(as.marketer, '/api/board', before));
    expect(after).not.toBe(before);
    expectNotModified(await read(as.marketer, '/api/board', after), after);
  });

  it('the query is in it: a filter is another answer; two spellings of one filter are one', async () => {
    const all = expectFresh(await read(as.marketer, '/api/board'));
    const mine = expectFresh(await read(as.marketer, '/api/board?mine=true', all));
    expect(mine).not.toBe(all);
    expectNotModified(await read(as.marketer, '/api/board?mine=1', mine), mine);
    expectFresh(await read(as.marketer, '/api/board?mine=true&overdue=true', mine));
  });

  it('another marketer or the lead never gets a 304 for the marketer’s ETag', async () => {
    const marketers = expectFresh(await read(as.marketer, '/api/board'));
    const ninas = expectFresh(await read(nina, '/api/board', marketers));
    const leads = expectFresh(await read(as.cmo, '/api/board', marketers));
    expect(new Set([marketers, ninas, leads]).size).toBe(3);
    expectNotModified(await read(nina, '/api/board', ninas), ninas);
  });

  it('a requester with a marketer’s ETag is refused (403), not told "not modified"', async () => {
    const etag = expectFresh(await read(as.marketer, '/api/board'));
    const res = await read(as.sales, '/api/board', etag);
    expect(res.statusCode).toBe(403);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control']).toBe('private, no-store');
  });
});

describe('GET /api/board/columns/:status', () => {
  it('a further page of done revalidates the same way: unchanged 304, after a write 200', async () => {
    const etag = expectFresh(await read(as.marketer, '/api/board/columns/done'));
    expectNotModified(await read(as.marketer, '/api/board/columns/done', etag), etag);
    expect(expectFresh(await read(as.marketer, '/api/board/columns/declined', etag))).not.toBe(etag);
    t.app.db.$client.prepare("update requests set title = 'Renamed again' where id = ?").run(filed);
    expect(expectFresh(await read(as.marketer, '/api/board/columns/done', etag))).not.toBe(etag);
  });
});

describe('GET /api/requests/:id', () => {
  it('unchanged: 304; after an edit: 200 with the edit and a new ETag', async () => {
    const first = await read(as.sales, `/api/requests/${filed}`);
    const etag = expectFresh(first);
    expectNotModified(await read(as.sales, `/api/requests/${filed}`, etag), etag);
    const version = ok<{ version: number }>(first).version;
    ok(await as.sales.patch(`/api/requests/${filed}`, { version, title: 'Revalidation banner, edited' }));
    const res = await read(as.sales, `/api/requests/${filed}`, etag);
    expect(expectFresh(res)).not.toBe(etag);
    expect(ok<{ title: string }>(res).title).toBe('Revalidation banner, edited');
  });

  it('the requester and a marketer each have their own ETag for the same request', async () => {
    const requesters = expectFresh(await read(as.sales, `/api/requests/${filed}`));
    const marketers = expectFresh(await read(as.marketer, `/api/requests/${filed}`, requesters));
    expect(marketers).not.toBe(requesters);
    expectFresh(await read(as.sales, `/api/requests/${filed}`, marketers));
  });

  it('a request the caller may not see is a 404 with no ETag, whatever they send', async () => {
    const other = await fileRequest(as.product, { title: 'Not for sales', typeId: await requestTypeId(as.product, 'Event banner') });
    const etag = expectFresh(await read(as.product, `/api/requests/${other.id}`));
    const res = await read(as.sales, `/api/requests/${other.id}`, etag);
    expect(res.statusCode).toBe(404);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control']).toBe('private, no-store');
  });
});

describe('If-None-Match', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['W/"abc"', true],
    ['"abc"', true],
    ['"x", W/"abc"', true],
    ['W/"abcd"', false],
    ['"ab"', false],
    ['*', true],
  ])('%s against W/"abc" holds: %s', (header, holds) => {
    expect(ifNoneMatchHolds(header, 'W/"abc"')).toBe(holds);
  });
});
