import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import type { ChangeEvent } from '@altitude/shared/events';
import { notifications } from '../src/db/schema-notifications';
import { users } from '../src/db/schema';
import type { TestApp } from './harness';
import { fileRequest, requestTypeId, type Caller } from './request-helpers';

/** The notifications stored about a request: who, what kind, the mail mark and the text, oldest first. */
export function notificationsAbout(t: TestApp, requestId: number) {
  return t.app.db
    .select({ userId: notifications.userId, kind: notifications.kind, mail: notifications.mail, text: notifications.text })
    .from(notifications)
    .where(eq(notifications.requestId, requestId))
    .orderBy(asc(notifications.id))
    .all();
}

export const userIdOf = (t: TestApp, email: string) =>
  t.app.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

/** A Sales event banner filed by `requester` through the API. */
export async function salesBanner(requester: Caller, title: string) {
  return fileRequest(requester, { title, typeId: await requestTypeId(requester, 'Event banner') });
}

/** Listens on a free port and answers the base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

/** A live GET /api/events (node:http, no agent, so closing it closes its socket), its events parsed as they come. */
export class LiveEvents {
  readonly events: ChangeEvent[] = [];
  private buffer = '';

  private constructor(private readonly request: http.ClientRequest) {}

  static open(base: string, cookie: string): Promise<LiveEvents> {
    return new Promise((resolve, reject) => {
      const request = http.get(`${base}/api/events`, { headers: { cookie, accept: 'text/event-stream' }, agent: false }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => live.receive(chunk));
        resolve(live);
      });
      const live = new LiveEvents(request);
      request.on('error', reject);
    });
  }

  private receive(chunk: string) {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const data = this.buffer
        .slice(0, end)
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      this.buffer = this.buffer.slice(end + 2);
      if (data) this.events.push(JSON.parse(data) as ChangeEvent);
    }
  }

  /** Waits until an event matches (or `timeoutMs` passes) and answers the matches so far. */
  async waitFor(match: (e: ChangeEvent) => boolean, timeoutMs = 3000): Promise<ChangeEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!this.events.some(match) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.events.filter(match);
  }

  close() {
    this.request.destroy();
  }
}
