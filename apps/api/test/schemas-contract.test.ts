import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/db/seed/demo-catalog';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, signIn, tickingClock, type Caller } from './request-helpers';
import { bodyRecipes, concreteUrl, routeKey, totalChanges, type RouteKey } from './route-calls';

/**
 * Routes that answer something other than JSON, and so have no response schema to check:
 * each one must say why, must exist, and must really lack one (a stale entry fails).
 */
const noResponseSchema: Partial<Record<RouteKey, string>> = {
  // Hijacks the reply and writes text/event-stream frames itself, for as long as the client listens.
  'GET /api/events': 'Server-Sent Events stream',
  // Stream text/csv; their columns are fixed in exports/*-export.ts (no password hash can reach them).
  'GET /api/exports/requests.csv': 'CSV stream',
  'GET /api/exports/time-entries.csv': 'CSV stream',
  // The file's own bytes, of the type read from them when it was uploaded.
  'GET /api/attachments/:id/download': 'file download',
  // Redirects to the identity provider and back (a 404 problem when single sign-on is off).
  'GET /api/auth/oidc/start': 'redirect',
  'GET /api/auth/oidc/callback': 'redirect',
};

const successCode = (code: string) => code === '2xx' || /^2\d\d$/.test(code);

describe('schemas: unknown properties are refused, every success has a response schema', () => {
  let t: TestApp;
  let lead: Caller;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: tickingClock() });
    await addUser(t, 'lead@example.com', 'lead', 'Marketing');
    lead = await signIn(t, 'lead@example.com');
  });
  afterAll(() => t.app.close());

  it('every route that takes a body validates it with a strict object schema (unknown keys refused)', () => {
    const withBody = t.app.routeTable.filter((r) => r.hasBody);
    expect(withBody.length).toBeGreaterThan(10);
    expect(withBody.filter((r) => !r.bodyStrict).map(routeKey)).toEqual([]);
  });

  it('every route has a response schema for its success answers, but for the few that are not JSON', () => {
    const missing = t.app.routeTable.filter((r) => !r.responseCodes.some(successCode) && !(routeKey(r) in noResponseSchema));
    expect(missing.map(routeKey)).toEqual([]);
    const known = new Map(t.app.routeTable.map((r) => [routeKey(r), r]));
    for (const key of Object.keys(noResponseSchema) as RouteKey[]) {
      expect(known.has(key), `${key} is exempted but does not exist`).toBe(true);
      expect(known.get(key)!.responseCodes.some(successCode), `${key} is exempted but has a response schema now`).toBe(false);
    }
  });

  it('every body, valid but for one unknown property, is refused with 400 naming it, and nothing changes', async () => {
    const withBody = t.app.routeTable.filter((r) => r.hasBody);
    for (const route of withBody) {
      const recipe = bodyRecipes[routeKey(route)];
      expect(recipe, `${routeKey(route)} needs a body recipe in route-calls.ts`).toBeDefined();
      const before = totalChanges(t.app.db);
      const res = await t.app.inject({
        method: route.method as 'POST',
        url: concreteUrl(route.url, 1),
        headers: { cookie: lead.cookie },
        payload: { ...recipe!({ db: t.app.db, id: 1 }), isAdmin: true },
      });
      const problem = expectProblem(res, 400);
      expect(problem.errors, routeKey(route)).toEqual([{ path: 'isAdmin', message: expect.any(String) }]);
      expect(totalChanges(t.app.db), routeKey(route)).toBe(before);
    }
  });

  it('a sign-in carrying {"role": "lead"} is refused with 400 naming role, and opens no session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'lead@example.com', password: demoPassword, role: 'lead' },
    });
    const problem = expectProblem(res, 400);
    expect(problem.errors).toEqual([{ path: 'role', message: expect.any(String) }]);
    expect(problem.detail).toMatch(/role/);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
