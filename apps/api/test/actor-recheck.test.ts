import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@altitude/shared/domain';
import { departments, initiatives, requests, users } from '../src/db/schema';
import type { RouteEntry } from '../src/plugins/auth';
import { createTestApp, type TestApp } from './harness';
import { expectNoStackTrace } from './problem-assertions';
import { tickingClock } from './request-helpers';
import {
  bodyRecipes,
  concreteUrl,
  dbChecksum,
  entryFixture,
  fileFixture,
  objectKindOf,
  routeKey,
  sessionUser,
  unique,
} from './route-calls';

/**
 * The guard checks the caller when the headers arrive; the body may arrive minutes later. These
 * tests send the headers over a real socket, wait until the guard has let the request through,
 * change the caller's account, then send the body: the write must see the account as it is then.
 */

let t: TestApp;
let port: number;
let cmo: string;
/** Resolved at the next clock reading: the auth guard reads the clock when it resolves the session. */
let onClockRead: (() => void) | null = null;

beforeAll(async () => {
  const tick = tickingClock();
  t = await createTestApp({
    seed: 'demo',
    now: () => {
      const read = onClockRead;
      onClockRead = null;
      read?.();
      return tick();
    },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
  cmo = await t.login('cmo@example.com');
});
afterAll(() => t.app.close());

interface Answer {
  status: number;
  body: string;
  contentType: string;
}

/**
 * Sends the headers of a JSON request now and the body only when `finish` is called. `admitted`
 * resolves once the onRequest guard has run (the session was resolved and checked).
 */
function slowRequest(method: string, path: string, cookie: string, payload: unknown) {
  const json = JSON.stringify(payload);
  const admitted = new Promise<void>((resolve) => (onClockRead = resolve)).then(() => new Promise<void>((r) => setTimeout(r, 20)));
  const req = http.request({
    host: '127.0.0.1',
    port,
    method,
    path,
    headers: { cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, contentType: String(res.headers['content-type']) }));
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  return { admitted, finish: () => (req.end(json), answer) };
}

/** A fresh account with the demo password (its hash copied from a demo account: one slow hash less per account). */
async function newAccount(role: Role, department: string) {
  const email = `${unique(role).replace(/\W/g, '-')}@example.com`;
  const departmentId = t.app.db
    .select()
    .from(departments)
    .all()
    .find((d) => d.name === department)!.id;
  const { passwordHash } = t.app.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, 'cmo@example.com'))
    .get()!;
  t.app.db
    .insert(users)
    .values({ email, name: unique('Person'), role, departmentId, passwordHash })
    .run();
  return { email, cookie: await t.login(email), user: sessionUser(t.app.db, email) };
}

const patchUser = (cookie: string, id: number, body: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie }, payload: body });

const activeLeads = () =>
  t.app.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'lead'), eq(users.active, true)))
    .all().length;

describe('a lead deactivated while their body was still arriving', () => {
  it('cannot add a person: 401, no account is created', async () => {
    const lead = await newAccount('lead', 'Marketing');
    const email = 'late-invite@example.com';
    const slow = slowRequest('POST', '/api/users', lead.cookie, {
      email,
      name: 'Late Invite',
      role: 'lead',
      departmentId: lead.user.departmentId,
      password: 'a long enough passphrase',
    });
    await slow.admitted;
    expect((await patchUser(cmo, lead.user.id, { active: false })).statusCode).toBe(200);
    const before = dbChecksum(t.app.db);
    const res = await slow.finish();
    expect(res.status, res.body).toBe(401);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(t.app.db.select().from(users).where(eq(users.email, email)).all()).toEqual([]);
    expect(dbChecksum(t.app.db)).toBe(before);
  });

  it('demoted to marketer meanwhile, cannot change a setting only leads may change', async () => {
    const lead = await newAccount('lead', 'Marketing');
    const slow = slowRequest('PUT', '/api/settings/workflow/in_review', lead.cookie, { wipLimit: 2 });
    await slow.admitted;
    expect((await patchUser(cmo, lead.user.id, { role: 'marketer' })).statusCode).toBe(200);
    const before = dbChecksum(t.app.db);
    const res = await slow.finish();
    expect([401, 403]).toContain(res.status);
    expect(dbChecksum(t.app.db)).toBe(before);
  });
});

describe('every write re-checks its author inside the transaction', () => {
  const writeRoutes = () =>
    t.app.routeTable.filter((r) => r.hasBody && r.access !== 'anonymous' && !['GET', 'HEAD', 'OPTIONS'].includes(r.method));

  /** An account the route admits, and the object it addresses (a request it may write to). */
  async function setUp(route: RouteEntry) {
    const role: Role = route.access === 'lead' ? 'lead' : route.access === 'marketer' ? 'marketer' : 'requester';
    const actor = await newAccount(role, role === 'requester' ? 'Sales' : 'Marketing');
    const marketer = sessionUser(t.app.db, 'marketer@example.com');
    let id: number | null = null;
    switch (objectKindOf(route.url)) {
      case 'request':
        // The requester's own request in intake: they may edit, comment on and cancel it.
        id = fileFixture(t, role === 'requester' ? actor.user : sessionUser(t.app.db, 'sales@example.com'), marketer);
        break;
      case 'user':
        id = marketer.id;
        break;
      case 'department':
        id = actor.user.departmentId;
        break;
      case 'requestType':
        id = t.app.db.select({ typeId: requests.typeId }).from(requests).get()!.typeId;
        break;
      case 'timeEntry':
        // An entry the actor logged today: theirs to correct, so only the re-check can refuse.
        id = entryFixture(t, sessionUser(t.app.db, 'sales@example.com'), actor.user);
        break;
      case 'initiative':
        id = t.app.db.select({ id: initiatives.id }).from(initiatives).get()!.id;
        break;
    }
    return { actor, id };
  }

  it('the route table has the writes this test walks', () => {
    expect(writeRoutes().length).toBeGreaterThanOrEqual(15);
  });

  it.each(['deactivated', 'demoted to requester'] as const)(
    'an author %s between the guard and the body changes nothing, on every write route',
    async (change) => {
      // A requester may still make the signed-in writes, so a demotion only matters for the others.
      for (const route of writeRoutes().filter((r) => change === 'deactivated' || r.access !== 'signedIn')) {
        const { actor, id } = await setUp(route);
        const payload = bodyRecipes[routeKey(route)]!({ db: t.app.db, id });
        const slow = slowRequest(route.method, concreteUrl(route.url, id), actor.cookie, payload);
        await slow.admitted;
        const res0 = await patchUser(cmo, actor.user.id, change === 'deactivated' ? { active: false } : { role: 'requester' });
        expect(res0.statusCode, res0.body).toBe(200);
        const before = dbChecksum(t.app.db);
        const res = await slow.finish();
        expect([401, 403], `${routeKey(route)}: ${res.status} ${res.body}`).toContain(res.status);
        expect(res.contentType).toMatch(/^application\/problem\+json/);
        expectNoStackTrace({ body: res.body } as Parameters<typeof expectNoStackTrace>[0]);
        expect(dbChecksum(t.app.db), routeKey(route)).toBe(before);
      }
    },
    180_000,
  );
});

describe('at least one active lead, always', () => {
  it('two leads demoting each other at once: one wins, the other is refused, a lead remains', async () => {
    const a = await newAccount('lead', 'Marketing');
    const b = await newAccount('lead', 'Marketing');
    // Only these two are leads, so the race is about the last lead.
    const others = t.app.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, 'lead'))
      .all()
      .filter((u) => u.id !== a.user.id && u.id !== b.user.id);
    for (const o of others) t.app.db.update(users).set({ role: 'marketer' }).where(eq(users.id, o.id)).run();
    try {
      const aDemotesB = slowRequest('PATCH', `/api/users/${b.user.id}`, a.cookie, { role: 'marketer' });
      await aDemotesB.admitted;
      const bDemotesA = slowRequest('PATCH', `/api/users/${a.user.id}`, b.cookie, { role: 'marketer' });
      await bDemotesA.admitted;
      const answers = await Promise.all([aDemotesB.finish(), bDemotesA.finish()]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
      expect(activeLeads()).toBe(1);
    } finally {
      for (const o of others) t.app.db.update(users).set({ role: 'lead' }).where(eq(users.id, o.id)).run();
    }
  });

  it('two leads deactivating each other through inject at once: a lead remains', async () => {
    const a = await newAccount('lead', 'Marketing');
    const b = await newAccount('lead', 'Marketing');
    const others = t.app.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, 'lead'))
      .all()
      .filter((u) => u.id !== a.user.id && u.id !== b.user.id);
    for (const o of others) t.app.db.update(users).set({ role: 'marketer' }).where(eq(users.id, o.id)).run();
    try {
      const answers = await Promise.all([
        patchUser(a.cookie, b.user.id, { active: false }),
        patchUser(b.cookie, a.user.id, { active: false }),
      ]);
      expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
      expect(activeLeads()).toBe(1);
    } finally {
      for (const o of others) t.app.db.update(users).set({ role: 'lead' }).where(eq(users.id, o.id)).run();
    }
  });

  it.each([
    ['role', { role: 'marketer' }],
    ['active', { active: false }],
  ])('the last active lead cannot give up %s on their own account; nothing changes', async (path, body) => {
    const leads = t.app.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'lead'), eq(users.active, true)))
      .all();
    expect(leads.length).toBeGreaterThanOrEqual(1);
    const me = sessionUser(t.app.db, 'cmo@example.com');
    const others = leads.filter((l) => l.id !== me.id);
    for (const o of others) t.app.db.update(users).set({ role: 'marketer' }).where(eq(users.id, o.id)).run();
    try {
      const before = dbChecksum(t.app.db);
      const res = await patchUser(cmo, me.id, body);
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([{ path, message: expect.any(String) }]);
      expect(dbChecksum(t.app.db)).toBe(before);
      expect(activeLeads()).toBe(1);
    } finally {
      for (const o of others) t.app.db.update(users).set({ role: 'lead' }).where(eq(users.id, o.id)).run();
    }
  });
});
