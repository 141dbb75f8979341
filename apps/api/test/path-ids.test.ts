import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments, requests, requestTypes, users } from '../src/db/schema';
import type { TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { createDemoApp, rowCounts } from './request-helpers';
import { bodyRecipes, objectKindOf, routeKey } from './route-calls';

/*
 * Item 13 (second half) of issue 9: path ids are plain decimal numbers. `0x10`, `1e3`, ` 12`
 * and the like once read as 16, 1000 and 12; now every route with an id answers 400 naming
 * `id`, and changes nothing. "012" is refused too: ids are written without leading zeros, so
 * one resource has one URL.
 */

const refused = [
  '0x10',
  '0X10',
  '1e3',
  '1E3',
  ' 12',
  '12 ',
  '+12',
  '012',
  '00',
  '12.0',
  '1.5',
  '-1',
  '0',
  '1_000',
  '1,2',
  '٣',
  'Infinity',
  'NaN',
  '9007199254740992',
  '99999999999999999999',
];

let t: TestApp;
let cookie: string;
let requestId: number;
beforeAll(async () => {
  t = await createDemoApp();
  cookie = await t.login('cmo@example.com');
  requestId = t.app.db.select({ id: requests.id }).from(requests).get()!.id;
});
afterAll(() => t.app.close());

const idRoutes = () => t.app.routeTable.filter((r) => objectKindOf(r.url) !== null);

describe('path ids', () => {
  it('covers every route with an id in its path', () => {
    expect(idRoutes().map(routeKey)).toEqual(
      expect.arrayContaining([
        'GET /api/requests/:id',
        'PATCH /api/users/:id',
        'POST /api/requests/:id/time-entries',
        'PATCH /api/departments/:id',
        'PATCH /api/request-types/:id',
      ]),
    );
  });

  it.each(refused)('%j is a 400 naming `id` on every route that takes one, and nothing changes', async (raw) => {
    for (const route of idRoutes()) {
      const before = {
        rows: rowCounts(t),
        users: t.app.db.select().from(users).all(),
        departments: t.app.db.select().from(departments).all(),
        types: t.app.db.select().from(requestTypes).all(),
      };
      const recipe = bodyRecipes[routeKey(route)];
      const url = route.url.replace(':id', encodeURIComponent(raw));
      const res = await t.app.inject({
        method: route.method as InjectOptions['method'],
        url,
        headers: { cookie },
        ...(recipe ? { payload: recipe({ db: t.app.db, id: null }) } : {}),
      });
      const body = expectProblem(res, 400);
      expect(body.code, `${route.method} ${url}`).toBe('validation.failed');
      expect(body.errors, `${route.method} ${url}`).toEqual([{ path: 'id', message: expect.any(String) }]);
      expect({
        rows: rowCounts(t),
        users: t.app.db.select().from(users).all(),
        departments: t.app.db.select().from(departments).all(),
        types: t.app.db.select().from(requestTypes).all(),
      }).toEqual(before);
    }
  });

  it('a plain id still reaches its object; the largest safe integer is a well-formed id that does not exist (404)', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/requests/${requestId}`, headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/requests/${requestId}/time-entries`, headers: { cookie } })).statusCode).toBe(
      200,
    );
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/requests/${Number.MAX_SAFE_INTEGER}`, headers: { cookie } }), 404);
  });
});
