import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoToday, createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  attachmentFixture,
  bodyRecipes,
  callStatus,
  cannotCall,
  concreteUrl,
  dbChecksum,
  invitationFixture,
  objectKindOf,
  routeKey,
  streamingRoutes,
  totalChanges,
} from './route-calls';
import { requests, requestTypes, departments, initiatives, timeEntries } from '../src/db/schema';
import type { RouteEntry } from '../src/plugins/auth';

/**
 * Cross-site request forgery, for every state-changing route in the route table: a browser on
 * another site can send the user's cookie with a form post (text/plain, urlencoded, multipart) or
 * with fetch from its own origin. Each is refused before the handler, and nothing changes.
 * The clock is pinned so that no session's last-seen time moves while the checksums are compared.
 */

let t: TestApp;
let lead: string;
let requester: string;
let fileId: number;
let invitationId: number;
beforeAll(async () => {
  t = await createTestApp({ seed: 'demo', now: () => new Date(demoToday) });
  lead = await t.login('cmo@example.com');
  requester = await t.login('sales@example.com');
  // The demo has no files; one, attached before any checksum is taken.
  fileId = attachmentFixture(t, 1, t.app.db.select({ id: requests.id }).from(requests).get()!.id);
  invitationId = invitationFixture(t.app.db, new Date(demoToday)).id;
});
afterAll(() => t.app.close());

const writes = () => t.app.routeTable.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));

/** A real id for the route's object parameter, so that nothing but the defence can refuse the call. */
function idFor(route: RouteEntry): number | null {
  switch (objectKindOf(route.url)) {
    case 'request':
      return t.app.db.select({ id: requests.id }).from(requests).get()!.id;
    case 'requestType':
      return t.app.db.select({ id: requestTypes.id }).from(requestTypes).get()!.id;
    case 'department':
      return t.app.db.select({ id: departments.id }).from(departments).get()!.id;
    case 'user':
      return 1;
    case 'timeEntry':
      return t.app.db.select({ id: timeEntries.id }).from(timeEntries).get()!.id;
    case 'attachment':
      return fileId;
    case 'initiative':
      return t.app.db.select({ id: initiatives.id }).from(initiatives).get()!.id;
    case 'invitation':
      return invitationId;
    default:
      return null;
  }
}

describe('cross-site writes are refused on every state-changing route', () => {
  it('the generator can call every state-changing route', () => {
    expect(writes().length).toBeGreaterThan(15);
    expect(writes().map(cannotCall).filter(Boolean)).toEqual([]);
  });

  it('a foreign Origin, or a browser-marked cross-site call, with the session cookie: 403, nothing changes', async () => {
    const before = dbChecksum(t.app.db);
    for (const route of writes()) {
      const recipe = bodyRecipes[routeKey(route)];
      const id = idFor(route);
      for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }]) {
        const changes = totalChanges(t.app.db);
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: concreteUrl(route.url, id),
          headers: { cookie: lead, ...headers },
          ...(recipe ? { payload: recipe({ db: t.app.db, id }) } : {}),
        });
        expect(expectProblem(res, 403).code, `${routeKey(route)} ${JSON.stringify(headers)}`).toBe('csrf.origin_mismatch');
        expect(totalChanges(t.app.db), routeKey(route)).toBe(changes);
      }
    }
    expect(dbChecksum(t.app.db)).toBe(before);
  });

  it('a body a cross-site form can send without a preflight (text/plain, urlencoded, multipart), with the session cookie: 415, nothing changes', async () => {
    const before = dbChecksum(t.app.db);
    for (const route of writes()) {
      const recipe = bodyRecipes[routeKey(route)];
      const id = idFor(route);
      const fields = recipe ? recipe({ db: t.app.db, id }) : { x: '1' };
      const forms: [string, string][] = [
        // JSON text smuggled as text/plain: what <form enctype="text/plain"> can produce.
        ['text/plain', JSON.stringify(fields)],
        [
          'application/x-www-form-urlencoded',
          new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString(),
        ],
        ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n`],
      ];
      for (const [type, payload] of forms) {
        const changes = totalChanges(t.app.db);
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: concreteUrl(route.url, id),
          headers: { cookie: lead, 'content-type': type },
          payload,
        });
        expect(expectProblem(res, 415).code, `${routeKey(route)} ${type}`).toBe('body.unsupported_media_type');
        expect(totalChanges(t.app.db), routeKey(route)).toBe(changes);
      }
    }
    expect(dbChecksum(t.app.db)).toBe(before);
  });
});

describe('reads change nothing', () => {
  it('every GET route, called by a lead and by a requester, leaves the database exactly as it was', async () => {
    const reads = t.app.routeTable.filter((r) => r.method === 'GET');
    expect(reads.length).toBeGreaterThan(15);
    expect(reads.map(cannotCall).filter(Boolean)).toEqual([]);
    const before = dbChecksum(t.app.db);
    const changes = totalChanges(t.app.db);
    for (const route of reads) {
      // The event stream only writes to its socket; it is held open and cannot be read to its end.
      if (streamingRoutes.has(routeKey(route))) continue;
      for (const cookie of [lead, requester]) {
        const res = await callStatus(t, route, idFor(route), cookie);
        expect(res.statusCode, `${routeKey(route)}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        expect(totalChanges(t.app.db), routeKey(route)).toBe(changes);
      }
    }
    expect(dbChecksum(t.app.db)).toBe(before);
  });
});
