import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import type { Role } from '@altitude/shared/domain';
import { comments, departments, initiatives, requestTypes, timeEntries, users } from '../src/db/schema';
import type { RouteEntry } from '../src/plugins/auth';
import { resolveSession } from '../src/modules/auth/sessions';
import { accessContract, type MinimumRole } from './access-contract';
import { type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { createDemoApp, ok, signIn, type Caller } from './request-helpers';
import {
  attachmentOf,
  callStatus,
  cannotCall,
  entryFixture,
  fileFixture,
  invitationFixture,
  objectKindOf,
  objectSetups,
  routeKey,
  routeSetups,
  sessionUser,
  totalChanges,
  type RouteKey,
} from './route-calls';

/**
 * The authorisation matrix: every route, called by each kind of caller on their own object,
 * another department's object and a missing one, answers the status the hand-written contract
 * (access-contract.ts) gives. The route table only says which routes exist; what each may be
 * called by comes from the contract, never from the routes' own declarations. A route the
 * generator cannot call fails the test (extend route-calls.ts).
 */

type CallerName = 'anonymous' | 'ownRequester' | 'otherRequester' | 'insightsReader' | 'marketer' | 'lead';
const callerNames: CallerName[] = ['anonymous', 'ownRequester', 'otherRequester', 'insightsReader', 'marketer', 'lead'];
const emails: Record<Exclude<CallerName, 'anonymous'>, string> = {
  ownRequester: 'sales@example.com',
  otherRequester: 'product@example.com',
  // A requester of the Executive department whom the demo grants Insights (PRODUCT.md, v2).
  insightsReader: 'exec@example.com',
  marketer: 'marketer@example.com',
  lead: 'cmo@example.com',
};

/** Whose object a request-scoped call addresses: a Sales request, a Product request, or none. */
type Target = 'sales' | 'product' | 'existing' | 'missing' | null;
const missingId = 987_654_321;

/** Whether a signed-in caller's role reaches a contract's minimum, spelled out rather than imported. */
const admits: Record<MinimumRole, Record<Exclude<CallerName, 'anonymous'>, boolean>> = {
  anonymous: { ownRequester: true, otherRequester: true, insightsReader: true, marketer: true, lead: true },
  signedIn: { ownRequester: true, otherRequester: true, insightsReader: true, marketer: true, lead: true },
  marketer: { ownRequester: false, otherRequester: false, insightsReader: false, marketer: true, lead: true },
  insights: { ownRequester: false, otherRequester: false, insightsReader: true, marketer: false, lead: true },
  lead: { ownRequester: false, otherRequester: false, insightsReader: false, marketer: false, lead: true },
};

// One demo app for the file (seeding it takes seconds); the role changes run last.
let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp();
});
afterAll(() => t.app.close());

describe('route × role matrix', () => {
  const cookies: Partial<Record<CallerName, string>> = {};
  const people = {} as Record<Exclude<CallerName, 'anonymous'>, SessionUser>;
  let fixtureDepartment: number;
  let fixtureType: number;
  let fixtureInitiative: number;

  beforeAll(async () => {
    for (const [name, email] of Object.entries(emails) as [Exclude<CallerName, 'anonymous'>, string][]) {
      cookies[name] = await t.login(email);
      people[name] = sessionUser(t.app.db, email);
    }
    fixtureDepartment = t.app.db.insert(departments).values({ name: 'Matrix department' }).returning().get().id;
    fixtureType = t.app.db.select({ id: requestTypes.id }).from(requestTypes).get()!.id;
    fixtureInitiative = t.app.db
      .insert(initiatives)
      .values({ name: 'Matrix initiative', ownerId: people.marketer.id, quarter: '2026-Q4' })
      .returning()
      .get().id;
  });

  /** Signs a caller in again when a call ended their session (sign-out does, on purpose). */
  async function keepSignedIn(name: CallerName) {
    if (name === 'anonymous') return;
    const token = cookies[name]!.split('=')[1]!;
    if (!resolveSession(t.app.db, token, t.app.clock())) cookies[name] = await t.login(emails[name]);
  }

  function targetsOf(route: RouteEntry): Target[] {
    switch (objectKindOf(route.url)) {
      // A file is reached through its request: another department's looks missing too.
      case 'request':
      case 'attachment':
        return ['sales', 'product', 'missing'];
      case null:
        return [null];
      default:
        return ['existing', 'missing'];
    }
  }

  /** Requests filed once, for calls that cannot change them (reads, and refused writes). */
  const shared: Partial<Record<'sales' | 'product', number>> = {};
  let sharedEntry: number | undefined;
  let sharedInvitation: number | undefined;

  /** The object id for a call; a write expected to succeed gets a fresh request of its own. */
  function idFor(route: RouteEntry, target: Target, fresh: boolean): number | null {
    if (target === null) {
      if (fresh) routeSetups[routeKey(route)]?.(t);
      return null;
    }
    if (target === 'missing') return missingId;
    if (target === 'sales' || target === 'product') {
      const owner = target === 'sales' ? people.ownRequester : people.otherRequester;
      // The fixture request's file was attached by its requester (see fileFixture).
      const fileOr = (requestId: number) => (objectKindOf(route.url) === 'attachment' ? attachmentOf(t.app.db, requestId) : requestId);
      if (fresh) {
        const id = fileFixture(t, owner, people.marketer);
        objectSetups[routeKey(route)]?.(t, id);
        return fileOr(id);
      }
      return fileOr((shared[target] ??= fileFixture(t, owner, people.marketer)));
    }
    switch (objectKindOf(route.url)) {
      case 'user':
        return people.otherRequester.id;
      case 'department':
        return fixtureDepartment;
      case 'requestType':
        if (fresh) objectSetups[routeKey(route)]?.(t, fixtureType);
        return fixtureType;
      case 'initiative':
        return fixtureInitiative;
      case 'invitation':
        // A revoke that may succeed spends its invitation: each gets its own.
        if (fresh) return invitationFixture(t.app.db, t.app.clock()).id;
        return (sharedInvitation ??= invitationFixture(t.app.db, t.app.clock()).id);
      case 'timeEntry':
        // Logged today by the marketer: theirs to correct. A call that may delete it gets its own.
        if (fresh) return entryFixture(t, people.ownRequester, people.marketer);
        return (sharedEntry ??= entryFixture(t, people.ownRequester, people.marketer));
      default:
        throw new Error(`no existing object for ${route.url}`);
    }
  }

  /** The status a call must get: a number, or '2xx'. */
  function expected(route: RouteEntry, caller: CallerName, target: Target): number | '2xx' {
    const rule = accessContract[routeKey(route)];
    if (!rule) throw new Error(`${routeKey(route)} is not in the access contract`);
    if (caller === 'anonymous') return rule.minimum === 'anonymous' ? (rule.answers?.status ?? '2xx') : 401;
    if (!admits[rule.minimum][caller]) return 403;
    if (target === 'missing') return 404;
    // A request of another department looks exactly like a missing one to a requester.
    // The insights reader is an Executive requester: neither department's requests are theirs.
    const requester = caller === 'ownRequester' || caller === 'otherRequester' || caller === 'insightsReader';
    const sameDepartment = (caller === 'ownRequester' && target === 'sales') || (caller === 'otherRequester' && target === 'product');
    if (requester && (target === 'sales' || target === 'product') && !sameDepartment) return 404;
    if (!requester && rule.refused?.roles.includes(caller)) return 403;
    return rule.answers?.status ?? '2xx';
  }

  it('every route that exists is in the hand-written access contract (a new route must be added there on purpose)', () => {
    expect(t.app.routeTable.map(routeKey).filter((k) => !(k in accessContract))).toEqual([]);
  });

  it('every route of the access contract exists', () => {
    const known = new Set(t.app.routeTable.map(routeKey));
    expect(Object.keys(accessContract).filter((k) => !known.has(k as RouteKey))).toEqual([]);
  });

  it('knows how to call every route in the route table (a new path parameter or body must be taught to route-calls.ts)', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(30);
    expect(t.app.routeTable.map(cannotCall).filter(Boolean)).toEqual([]);
  });

  it('every route × caller × object answers the expected status, and a refused call changes nothing', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const route of t.app.routeTable.filter((r) => routeKey(r) in accessContract)) {
      if (cannotCall(route)) continue; // reported by the test above
      for (const caller of callerNames) {
        for (const target of targetsOf(route)) {
          const want = expected(route, caller, target);
          const id = idFor(route, target, want === '2xx' && route.method !== 'GET');
          const before = totalChanges(t.app.db);
          const res = await callStatus(t, route, id, cookies[caller]);
          calls++;
          const label = `${routeKey(route)} as ${caller} on ${target ?? '-'}: got ${res.statusCode}, want ${want}`;
          const got = res.statusCode;
          if (want === '2xx' ? got < 200 || got > 299 : got !== want) mismatches.push(`${label} ${streamingBody(res).slice(0, 200)}`);
          // Whatever a route answers, no password hash goes with it.
          if (/password|scrypt\$/i.test(streamingBody(res))) mismatches.push(`${label}: the answer mentions a password`);
          if (want !== '2xx') {
            if (!String(res.headers['content-type']).startsWith('application/problem+json')) mismatches.push(`${label}: not problem+json`);
            if (totalChanges(t.app.db) !== before) mismatches.push(`${label}: a refused call wrote to the database`);
          }
          await keepSignedIn(caller);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(200);
    // Several hundred calls, some of them password hashes (sign-in, password change, reset): more than the default 30 s on a busy machine.
  }, 120_000);

  /** The body of an answer (a stream has none to show). */
  function streamingBody(res: { body: string; headers: Record<string, unknown> }) {
    return String(res.headers['content-type']).includes('event-stream') ? '' : res.body;
  }
});

describe('objects below a request are only reached through a request the caller may see', () => {
  let marketer: Caller;
  let sales: Caller;
  beforeAll(async () => {
    marketer = await signIn(t, 'marketer@example.com');
    sales = await signIn(t, 'sales@example.com');
  });

  const subRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/requests/:id/'));

  it('no route addresses a comment, time entry or activity entry by its own id below a request (one that does needs a foreign-id test here)', () => {
    expect(subRoutes().length).toBeGreaterThan(0);
    // Only the request's id is in the path: a sub-object's id can never point into another request.
    expect(subRoutes().filter((r) => r.url.split('/').filter((p) => p.startsWith(':')).length > 1)).toEqual([]);
  });

  it('the routes that address a sub-object by its own id are exactly the time-entry corrections, tested below, and the files (attachments.test.ts)', () => {
    const own = t.app.routeTable.filter((r) => /^\/api\/(time-entries|comments|activity|attachments)\//.test(r.url)).map(routeKey);
    expect(own.sort()).toEqual([
      'DELETE /api/attachments/:id',
      'DELETE /api/time-entries/:id',
      'GET /api/attachments/:id/download',
      'PATCH /api/time-entries/:id',
    ]);
  });

  describe('a time entry addressed by its own id', () => {
    const entryRow = (id: number) => t.app.db.select().from(timeEntries).where(eq(timeEntries.id, id)).get();
    /** Each way in: correct it, or delete it. */
    const attempts = (caller: Caller, id: number) => [
      () => caller.patch(`/api/time-entries/${id}`, { version: 1, minutes: 999 }),
      () => t.app.inject({ method: 'DELETE', url: `/api/time-entries/${id}`, headers: { cookie: caller.cookie } }),
    ];

    async function expectRefused(caller: Caller, id: number, status: number, code: string) {
      const row = entryRow(id);
      for (const attempt of attempts(caller, id)) {
        const changes = totalChanges(t.app.db);
        expect(expectProblem(await attempt(), status).code).toBe(code);
        expect(totalChanges(t.app.db)).toBe(changes);
      }
      expect(entryRow(id)).toEqual(row);
    }

    it("a marketer cannot correct or delete another marketer's entry: 403, nothing changes", async () => {
      const nina = await signIn(t, 'nina.marketing@example.com');
      const maxEntry = entryFixture(t, sessionUser(t.app.db, 'sales@example.com'), marketer.user);
      await expectRefused(nina, maxEntry, 403, 'time_entry.not_author');
    });

    it("a requester is refused by role on any entry, their own department's included, as on every marketer route: 403", async () => {
      const own = entryFixture(t, sessionUser(t.app.db, 'sales@example.com'), marketer.user);
      const foreign = entryFixture(t, sessionUser(t.app.db, 'product@example.com'), marketer.user);
      await expectRefused(sales, own, 403, 'auth.forbidden');
      await expectRefused(sales, foreign, 403, 'auth.forbidden');
      // The same answer for an id that does not exist: the role check comes first, so ids reveal nothing.
      for (const attempt of attempts(sales, missingId)) expect(expectProblem(await attempt(), 403).code).toBe('auth.forbidden');
    });

    it('a missing entry id is a 404, for its author and for a lead alike', async () => {
      const cmo = await signIn(t, 'cmo@example.com');
      for (const caller of [marketer, cmo])
        for (const attempt of attempts(caller, missingId)) expect(expectProblem(await attempt(), 404).code).toBe('time_entry.not_found');
    });

    it('an author made a requester since can no longer touch their entries, even on a request they cannot see: 403 by role', async () => {
      // Only requesters are kept from requests (404), and the role check refuses them first; the
      // service still looks the request up with the caller's visibility, so it would answer 404.
      const jules = sessionUser(t.app.db, 'jules.marketing@example.com');
      const productEntry = entryFixture(t, sessionUser(t.app.db, 'product@example.com'), jules);
      const cmo = await signIn(t, 'cmo@example.com');
      ok(await cmo.patch(`/api/users/${jules.id}`, { role: 'requester' }));
      try {
        await expectRefused(await signIn(t, 'jules.marketing@example.com'), productEntry, 403, 'auth.forbidden');
      } finally {
        ok(await cmo.patch(`/api/users/${jules.id}`, { role: 'marketer' }));
      }
    });
  });

  it("every list below a request answers only that request's items, never another request's", async () => {
    const a = fileFixture(t, sessionUser(t.app.db, 'sales@example.com'), marketer.user);
    const b = fileFixture(t, sessionUser(t.app.db, 'sales@example.com'), marketer.user);
    // The trade-off is one computed answer about the request (for marketing), and the mentionable
    // list is people who may see it (notifications.test.ts): neither is a list of its items.
    const notItems = ['/api/requests/:id/trade-off', '/api/requests/:id/mentionable'];
    const lists = subRoutes().filter((r) => r.method === 'GET' && !notItems.includes(r.url));
    expect(lists.map((r) => r.url).sort()).toEqual(
      expect.arrayContaining(['/api/requests/:id/activity', '/api/requests/:id/comments', '/api/requests/:id/time-entries']),
    );
    for (const route of lists) {
      for (const [id, caller] of [
        [a, marketer],
        [b, marketer],
        [a, sales],
      ] as const) {
        const body = ok<{ items: { requestId: number }[] }>(await caller.get(route.url.replace(':id', String(id))));
        expect(body.items.length, `${route.url} for ${id}`).toBeGreaterThan(0);
        expect(
          body.items.filter((item) => item.requestId !== id),
          `${route.url} for ${id}`,
        ).toEqual([]);
      }
    }
  });

  it("a comment posted to another department's request is refused with 404 and stored nowhere", async () => {
    const product = fileFixture(t, sessionUser(t.app.db, 'product@example.com'), marketer.user);
    const before = t.app.db.select().from(comments).where(eq(comments.requestId, product)).all();
    const changes = totalChanges(t.app.db);
    expectProblem(await sales.post(`/api/requests/${product}/comments`, { body: 'Sneaking in' }), 404);
    expect(totalChanges(t.app.db)).toBe(changes);
    expect(t.app.db.select().from(comments).where(eq(comments.requestId, product)).all()).toEqual(before);
  });
});

describe('roles', () => {
  const roleOf = (id: number) => t.app.db.select({ role: users.role }).from(users).where(eq(users.id, id)).get()!.role;

  it('every route that writes people (and so their roles) is for leads only in the contract, and exists', () => {
    const writes = t.app.routeTable.filter((r) => r.url.startsWith('/api/users') && r.method !== 'GET').map(routeKey);
    expect(writes.sort()).toEqual(['PATCH /api/users/:id', 'POST /api/users']);
    expect(writes.map((k) => accessContract[k]?.minimum)).toEqual(['lead', 'lead']);
  });

  it('only a lead changes a role; no one raises their own; the changed person is signed out at once', async () => {
    const sales = await signIn(t, 'sales@example.com');
    const marketer = await signIn(t, 'marketer@example.com');
    const cmo = await signIn(t, 'cmo@example.com');
    const setRole = (caller: Caller, id: number, role: Role) => caller.patch(`/api/users/${id}`, { role });
    const changes = totalChanges(t.app.db);

    // Raising one's own role, below lead: refused on the caller's role, whatever the target's.
    expect(expectProblem(await setRole(sales, sales.user.id, 'lead'), 403).code).toBe('auth.forbidden');
    expect(expectProblem(await setRole(sales, sales.user.id, 'marketer'), 403).code).toBe('auth.forbidden');
    expect(expectProblem(await setRole(marketer, marketer.user.id, 'lead'), 403).code).toBe('auth.forbidden');
    // A marketer cannot promote a requester nor demote a lead either.
    expect(expectProblem(await setRole(marketer, sales.user.id, 'marketer'), 403).code).toBe('auth.forbidden');
    expect(expectProblem(await setRole(marketer, cmo.user.id, 'requester'), 403).code).toBe('auth.forbidden');
    // A lead cannot change their own role (another lead can), so there is always a lead.
    expect(expectProblem(await setRole(cmo, cmo.user.id, 'marketer'), 422).errors).toEqual([{ path: 'role', message: expect.any(String) }]);
    expect(totalChanges(t.app.db)).toBe(changes);
    expect([roleOf(sales.user.id), roleOf(marketer.user.id), roleOf(cmo.user.id)]).toEqual(['requester', 'marketer', 'lead']);

    // A lead promotes the requester: the new role applies at once, the old session ends.
    expect(ok<{ role: Role }>(await setRole(cmo, sales.user.id, 'marketer')).role).toBe('marketer');
    expect(roleOf(sales.user.id)).toBe('marketer');
    expectProblem(await sales.get('/api/auth/me'), 401);
    const again = await signIn(t, 'sales@example.com');
    expect(again.user.role).toBe('marketer');
    expect((await again.get('/api/board')).statusCode).toBe(200);
  });
});
