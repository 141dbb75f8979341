import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@altitude/shared/directory';
import { type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { createDemoApp, ok, signInDemoAccounts, type DemoCallers } from './request-helpers';
import { rowCounts } from './request-helpers';

/**
 * "Insights readers" (PRODUCT.md, v2): leads, and anyone a lead grants Insights to; the demo's
 * Executive requesters have it. Working time per person (weeklyMinutes, default 2400) is set by leads.
 */
let t: TestApp;
let c: DemoCallers;
beforeAll(async () => {
  t = await createDemoApp();
  c = await signInDemoAccounts(t);
});
afterAll(() => t.app.close());

const reportUrls = ['/api/reports/time-split', '/api/reports/insights', '/api/reports/flow', '/api/exports/requests.csv'];
const userByEmail = async (email: string) => ok<{ items: User[] }>(await c.cmo.get('/api/users')).items.find((u) => u.email === email)!;

describe('insights readers', () => {
  it('the demo exec reads Insights and its exports; other requesters and marketers do not', async () => {
    expect(c.exec.user.canViewInsights).toBe(true);
    expect(c.sales.user.canViewInsights).toBe(false);
    for (const url of reportUrls) {
      expect((await c.exec.get(url)).statusCode, url).toBe(200);
      expectProblem(await c.sales.get(url), 403);
      expectProblem(await c.marketer.get(url), 403);
    }
  });

  it('a lead grants Insights to a person and withdraws it; the change holds from their next call', async () => {
    const sam = await userByEmail('sales@example.com');
    expect(ok<User>(await c.cmo.patch(`/api/users/${sam.id}`, { canViewInsights: true })).canViewInsights).toBe(true);
    expect((await c.sales.get('/api/reports/time-split')).statusCode).toBe(200);
    ok(await c.cmo.patch(`/api/users/${sam.id}`, { canViewInsights: false }));
    expectProblem(await c.sales.get('/api/reports/time-split'), 403);
  });

  it('nobody but a lead grants Insights, not even a reader to themselves', async () => {
    const elena = await userByEmail('exec@example.com');
    const sam = await userByEmail('sales@example.com');
    const before = rowCounts(t);
    expectProblem(await c.exec.patch(`/api/users/${sam.id}`, { canViewInsights: true }), 403);
    expectProblem(await c.marketer.patch(`/api/users/${elena.id}`, { canViewInsights: false }), 403);
    expect(rowCounts(t)).toEqual(before);
    expect((await userByEmail('sales@example.com')).canViewInsights).toBe(false);
  });
});

describe('weekly working time', () => {
  it('everyone starts at 40 hours a week (2400 minutes); a lead sets part-time', async () => {
    const max = await userByEmail('marketer@example.com');
    expect(max.weeklyMinutes).toBe(2400);
    expect(ok<User>(await c.cmo.patch(`/api/users/${max.id}`, { weeklyMinutes: 1200 })).weeklyMinutes).toBe(1200);
    expect((await userByEmail('marketer@example.com')).weeklyMinutes).toBe(1200);
  });

  it.each([[-1], [6001], [12.5], ['40h'], [null]])(
    'weeklyMinutes %j is refused with 400 naming the field, and nothing changes',
    async (value) => {
      const max = await userByEmail('marketer@example.com');
      const body = expectProblem(await c.cmo.patch(`/api/users/${max.id}`, { weeklyMinutes: value }), 400);
      expect(body.errors?.map((e) => e.path)).toEqual(['weeklyMinutes']);
      expect((await userByEmail('marketer@example.com')).weeklyMinutes).toBe(max.weeklyMinutes);
    },
  );
});
