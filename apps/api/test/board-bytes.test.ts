import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { openStatuses } from '@altitude/shared/domain';
import { requests } from '../src/db/schema';
import { readBoard as buildBoard } from '../src/modules/board/board.queries';
import { column, createDemoApp, getRequest, ok, readBoard, signInDemoAccounts, type DemoCallers } from './request-helpers';
import type { TestApp } from './harness';

/**
 * The unfiltered board goes out as the snapshot's cached pieces, streamed one after another
 * rather than joined. What reaches the client must still be one exact answer: the bytes a fresh
 * build serialises, a Content-Length in bytes (not characters), an ETag that turns a repeat into
 * an empty 304, and a new answer and ETag after a change.
 */
describe('the board on the wire', () => {
  let t: TestApp;
  let as: DemoCallers;
  /** The board built from the database now, as the bytes it must be sent as. */
  const expected = () => Buffer.from(JSON.stringify(buildBoard(t.app.db, [], t.app.clock())));
  const get = (headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
    t.app.inject({ method, url: '/api/board', headers: { cookie: as.marketer.cookie, ...headers } });

  beforeAll(async () => {
    t = await createDemoApp();
    as = await signInDemoAccounts(t);
    // Multi-byte UTF-8 in a card (é is 2 bytes, — and ☕ are 3): Content-Length must count bytes.
    const [card] = column(await readBoard(as.marketer), 'planned').cards;
    const { version } = await getRequest(as.marketer, card!.id);
    ok(await as.marketer.patch(`/api/requests/${card!.id}`, { version, title: 'Café menu — ☕ stand' }));
  });
  afterAll(() => t.app.close());

  it('a 200 is byte for byte a fresh build, with its length in bytes; a repeat is the same bytes from the cache', async () => {
    const first = await get();
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['x-cache']).toBeUndefined();
    const bytes = expected();
    expect(first.rawPayload.equals(bytes)).toBe(true);
    expect(first.body).toContain('"title":"Café menu — ☕ stand"');
    // 'Café menu — ☕ stand' is 19 characters and 24 bytes: the header counts the bytes.
    expect(Buffer.byteLength('Café menu — ☕ stand')).toBe(24);
    expect(first.headers['content-length']).toBe(String(bytes.length));
    expect(first.headers['transfer-encoding']).toBeUndefined();

    const again = await get();
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['content-length']).toBe(String(bytes.length));
    expect(again.rawPayload.equals(bytes)).toBe(true);
  });

  it('HEAD names the same length and sends no body', async () => {
    const head = await get({}, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(expected().length));
    expect(head.rawPayload.length).toBe(0);
  });

  it('the ETag of the answer is a 304 with no body; after a move it is a 200 with the move, new bytes and a new ETag', async () => {
    const first = await get();
    const etag = String(first.headers.etag);
    const notModified = await get({ 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);
    expect(notModified.headers.etag).toBe(etag);

    const card = column(first.json(), 'planned').cards.at(-1)!;
    ok(await as.marketer.post(`/api/requests/${card.id}/move`, { status: 'in_review', version: card.version }));
    const moved = await get({ 'if-none-match': etag });
    expect(moved.statusCode).toBe(200);
    expect(moved.headers['x-cache']).toBeUndefined();
    expect(moved.headers.etag).not.toBe(etag);
    const bytes = expected();
    expect(moved.rawPayload.equals(bytes)).toBe(true);
    expect(moved.headers['content-length']).toBe(String(bytes.length));
    expect(column(moved.json(), 'in_review').cards.map((c) => c.id)).toContain(card.id);
    expect((await get({ 'if-none-match': String(moved.headers.etag) })).statusCode).toBe(304);
  });

  it('over a real socket, a board of several megabytes arrives whole to readers at once (the socket pushes back)', async () => {
    // Long titles, written under the API (the snapshot follows such writes too): about 90 kB a card.
    const open = t.app.db
      .select({ id: requests.id })
      .from(requests)
      .where(inArray(requests.status, [...openStatuses]))
      .all();
    expect(open.length).toBeGreaterThan(20);
    for (const { id } of open)
      t.app.db
        .update(requests)
        .set({ title: `Long ${id} ${'é☕x'.repeat(15_000)}` })
        .where(inArray(requests.id, [id]))
        .run();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const fetchBoard = async () => {
      const res = await fetch(`${base}/api/board`, { headers: { cookie: as.marketer.cookie } });
      return { res, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const readers = await Promise.all(Array.from({ length: 6 }, fetchBoard));
    const bytes = expected();
    expect(bytes.length).toBeGreaterThan(2_000_000);
    for (const { res, bytes: got } of readers) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-length')).toBe(String(bytes.length));
      expect(got.equals(bytes)).toBe(true);
    }
  });
});
