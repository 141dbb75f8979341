import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@altitude/shared/events';
import type { TestApp } from './harness';
import { classify, createDemoApp, fileRequest, ok, requestTypeId, signInDemoAccounts, type DemoCallers } from './request-helpers';

/**
 * A live GET /api/events over real HTTP, parsed into change events as they arrive. node:http
 * with no agent, so closing it closes its socket (fetch's pool would keep one open a few seconds
 * and hold up the server's shutdown).
 */
class EventStream {
  readonly events: ChangeEvent[] = [];
  private buffer = '';
  private notify: (() => void) | null = null;
  private ended = false;

  private constructor(
    readonly response: http.IncomingMessage,
    private readonly request: http.ClientRequest,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.receive(chunk));
    response.on('close', () => {
      this.ended = true;
      this.notify?.();
    });
  }

  static open(base: string, cookie: string): Promise<EventStream> {
    return new Promise((resolve, reject) => {
      const request = http.get(`${base}/api/events`, { headers: { cookie, accept: 'text/event-stream' }, agent: false }, (response) =>
        resolve(new EventStream(response, request)),
      );
      request.on('error', reject);
    });
  }

  private receive(chunk: string) {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data) this.events.push(JSON.parse(data) as ChangeEvent);
    }
    this.notify?.();
  }

  /** The first event (already received or still to come) that matches. */
  async next(match: (e: ChangeEvent) => boolean, timeoutMs = 5000): Promise<ChangeEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (this.ended) throw new Error('stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.notify = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Resolves when the server ends the stream. */
  async closedByServer(timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.ended;
  }

  close() {
    this.request.destroy();
  }
}

/** Which request an event is about. */
const aboutRequest = (e: ChangeEvent) => ('card' in e ? e.card.id : 'requestId' in e ? e.requestId : null);
const concerning = (id: number) => (e: ChangeEvent) => aboutRequest(e) === id;

describe('live changes over Server-Sent Events', () => {
  let t: TestApp;
  let as: DemoCallers;
  let base: string;
  let typeId: number;
  const open: EventStream[] = [];
  const stream = async (cookie: string) => {
    const s = await EventStream.open(base, cookie);
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await createDemoApp();
    as = await signInDemoAccounts(t);
    typeId = await requestTypeId(as.marketer, 'Event banner');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => t.app.close());

  it('a signed-out caller is refused with 401', async () => {
    const s = await stream('altitude_session=not-a-session');
    expect(s.response.statusCode).toBe(401);
    expect(s.response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a signed-in user gets an uncached text/event-stream', async () => {
    const s = await stream(as.sales.cookie);
    expect(s.response.statusCode).toBe(200);
    expect(s.response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(s.response.headers['cache-control']).toContain('no-cache');
  });

  it("a Sales request's changes reach marketers and Sales, never a requester of another department", async () => {
    const marketer = await stream(as.marketer.cookie);
    const salesRep = await stream(as.sales.cookie);
    const productRep = await stream(as.product.cookie);

    const filed = await fileRequest(as.sales, { title: 'Roll-ups for the Berlin roadshow', typeId });
    for (const s of [marketer, salesRep]) {
      const created = await s.next((e) => e.type === 'request.created' && e.card.id === filed.id);
      expect(created).toMatchObject({
        type: 'request.created',
        card: { id: filed.id, key: filed.key, status: 'intake', departmentId: filed.departmentId },
      });
      // Events carry the card, not the long texts.
      expect(created).not.toHaveProperty('card.brief');
    }

    await classify(as.marketer, filed.id, 'tactical');
    ok(await as.marketer.post(`/api/requests/${filed.id}/move`, { status: 'planned', version: 2 }));
    ok(await as.marketer.post(`/api/requests/${filed.id}/comments`, { body: 'On it' }), 201);
    ok(await as.marketer.post(`/api/requests/${filed.id}/time-entries`, { minutes: 30 }), 201);
    for (const s of [marketer, salesRep]) {
      expect(await s.next((e) => e.type === 'request.updated' && e.card.id === filed.id && e.card.status === 'planned')).toMatchObject({
        card: { version: 3 },
      });
      await s.next((e) => e.type === 'request.commented' && e.requestId === filed.id);
      expect(await s.next((e) => e.type === 'request.time_logged' && e.requestId === filed.id)).toEqual({
        type: 'request.time_logged',
        requestId: filed.id,
        loggedMinutes: 30,
      });
    }

    // The Product rep's own change arrives after all of the above on the same bus, so by then
    // any Sales event meant for them would have arrived too.
    const own = await fileRequest(as.product, { title: 'Release email', typeId });
    await productRep.next((e) => e.type === 'request.created' && e.card.id === own.id);
    expect(productRep.events.filter(concerning(filed.id))).toEqual([]);
    for (const e of productRep.events) if ('card' in e) expect(e.card.departmentId).toBe(as.product.user.departmentId);

    // Likewise the Product request never reaches Sales, though marketers see it.
    await marketer.next(concerning(own.id));
    const sentinel = await fileRequest(as.sales, { title: 'Booth wall', typeId });
    await salesRep.next(concerning(sentinel.id));
    expect(salesRep.events.filter(concerning(own.id))).toEqual([]);
  });

  it('work marketing files for itself is not streamed to requesters outside Marketing', async () => {
    const marketing = await stream(as.marketer.cookie);
    const filed = await fileRequest(as.marketer, { title: 'Brand guidelines v3', typeId });
    await marketing.next(concerning(filed.id));
    const execRep = await stream(as.exec.cookie);
    ok(await as.marketer.post(`/api/requests/${filed.id}/comments`, { body: 'Draft ready' }), 201);
    const own = await fileRequest(as.exec, { title: 'CEO post', typeId });
    await execRep.next(concerning(own.id));
    expect(execRep.events.filter(concerning(filed.id))).toEqual([]);
  });

  it('a column rebalance is announced to marketers, not to requesters', async () => {
    const marketer = await stream(as.marketer.cookie);
    const salesRep = await stream(as.sales.cookie);
    t.app.events.publish({ type: 'column.rebalanced', status: 'planned' }, null);
    await marketer.next((e) => e.type === 'column.rebalanced');
    const sentinel = await fileRequest(as.sales, { title: 'Sentinel', typeId });
    await salesRep.next(concerning(sentinel.id));
    expect(salesRep.events.filter((e) => e.type === 'column.rebalanced')).toEqual([]);
  });

  it('closing the server ends the open streams instead of hanging', async () => {
    const s = await stream(as.marketer.cookie);
    const started = Date.now();
    await t.app.close();
    expect(await s.closedByServer()).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
