import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { createDemoApp, ok, signInDemoAccounts, type DemoCallers } from './request-helpers';
import { dbChecksum } from './route-calls';

/**
 * Company holidays (PRODUCT.md, API v2: `GET/PUT /api/settings/holidays` `{items: [{date, name}]}`,
 * lead; GET: signed in). A PUT replaces the whole list and answers it earliest first.
 */
let t: TestApp;
let c: DemoCallers;
beforeAll(async () => {
  t = await createDemoApp();
  c = await signInDemoAccounts(t);
});
afterAll(() => t.app.close());

const christmas = { date: '2026-12-25', name: 'Christmas Day' };
const newYear = { date: '2027-01-01', name: "New Year's Day" };
const staffDay = { date: '2026-12-08', name: 'Staff day' };
const list = async () => ok<{ items: { date: string; name: string }[] }>(await c.sales.get('/api/settings/holidays')).items;

describe('company holidays', () => {
  it('a lead sets the list; it is answered earliest first, names trimmed, and everyone signed in reads it', async () => {
    const saved = ok<{ items: unknown[] }>(
      await c.cmo.put('/api/settings/holidays', { items: [newYear, { date: christmas.date, name: '  Christmas Day ' }, staffDay] }),
    );
    expect(saved.items).toEqual([staffDay, christmas, newYear]);
    for (const who of [c.cmo, c.marketer, c.sales, c.exec]) expect(ok(await who.get('/api/settings/holidays')).items).toEqual(saved.items);
  });

  it('a PUT replaces the whole list: a holiday left out is removed, a renamed one keeps its date', async () => {
    ok(await c.cmo.put('/api/settings/holidays', { items: [christmas, newYear] }));
    ok(await c.cmo.put('/api/settings/holidays', { items: [{ date: christmas.date, name: 'Christmas' }] }));
    expect(await list()).toEqual([{ date: christmas.date, name: 'Christmas' }]);
    ok(await c.cmo.put('/api/settings/holidays', { items: [] }));
    expect(await list()).toEqual([]);
  });

  const long = 'x'.repeat(81);
  it.each([
    ['an impossible date', { items: [christmas, { date: '2026-02-30', name: 'Nope' }] }, 'items.1.date'],
    ['a date before 2000', { items: [{ date: '1999-12-31', name: 'Old' }] }, 'items.0.date'],
    ['a date after 2099', { items: [{ date: '2100-01-01', name: 'Far' }] }, 'items.0.date'],
    ['a date not written YYYY-MM-DD', { items: [{ date: '25/12/2026', name: 'Christmas' }] }, 'items.0.date'],
    ['a date as a number', { items: [{ date: 20261225, name: 'Christmas' }] }, 'items.0.date'],
    ['no date', { items: [{ name: 'Christmas' }] }, 'items.0.date'],
    ['a blank name', { items: [{ date: christmas.date, name: '   ' }] }, 'items.0.name'],
    ['a name of 81 characters', { items: [{ date: christmas.date, name: long }] }, 'items.0.name'],
    ['a name on two lines', { items: [{ date: christmas.date, name: 'Christmas\nDay' }] }, 'items.0.name'],
    ['no name', { items: [{ date: christmas.date }] }, 'items.0.name'],
    ['an unknown field in an item', { items: [{ ...christmas, paid: true }] }, 'items.0.paid'],
    ['an unknown field in the body', { items: [christmas], year: 2026 }, 'year'],
    [
      'a date listed twice (named at its second listing)',
      { items: [christmas, newYear, staffDay, { ...christmas, name: 'Xmas' }] },
      'items.3.date',
    ],
    ['no items', {}, 'items'],
    ['items that are not a list', { items: christmas }, 'items'],
  ])('%s is refused with 400 naming the field, and the list stays as it was', async (_what, body, path) => {
    ok(await c.cmo.put('/api/settings/holidays', { items: [staffDay] }));
    const before = dbChecksum(t.app.db);
    const problem = expectProblem(await c.cmo.put('/api/settings/holidays', body), 400);
    expect(problem.errors?.map((e) => e.path)).toContain(path);
    expect(dbChecksum(t.app.db)).toBe(before);
    expect(await list()).toEqual([staffDay]);
  });

  it('a name of exactly 80 characters is kept', async () => {
    const name = 'y'.repeat(80);
    expect(ok(await c.cmo.put('/api/settings/holidays', { items: [{ date: christmas.date, name }] })).items).toEqual([
      { date: christmas.date, name },
    ]);
  });

  it('at most 500 holidays: 500 are kept, 501 refused naming items', async () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10), name: `Day ${i + 1}` }));
    expect(ok<{ items: unknown[] }>(await c.cmo.put('/api/settings/holidays', { items: many(500) })).items).toHaveLength(500);
    const problem = expectProblem(await c.cmo.put('/api/settings/holidays', { items: many(501) }), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['items']);
    expect(await list()).toHaveLength(500);
  });

  it('nobody but a lead sets holidays (403), not even an Insights reader, and nothing changes', async () => {
    ok(await c.cmo.put('/api/settings/holidays', { items: [staffDay] }));
    const before = dbChecksum(t.app.db);
    for (const who of [c.marketer, c.sales, c.exec]) {
      expectProblem(await who.put('/api/settings/holidays', { items: [christmas] }), 403);
    }
    expect(dbChecksum(t.app.db)).toBe(before);
    expect(await list()).toEqual([staffDay]);
  });

  it('every signed-in person reads the company time zone with the holidays, though only a lead reads the company settings', async () => {
    // The new-request form builds the business calendar from this answer alone.
    expect(ok<{ timezone: string }>(await c.sales.get('/api/settings/holidays')).timezone).toBe('UTC');
    expectProblem(await c.sales.get('/api/settings/company'), 403);
    ok(await c.cmo.put('/api/settings/company', { timezone: 'Asia/Tokyo' }));
    for (const who of [c.cmo, c.marketer, c.sales, c.exec]) {
      expect(ok<{ timezone: string }>(await who.get('/api/settings/holidays')).timezone).toBe('Asia/Tokyo');
    }
    expect(ok<{ timezone: string }>(await c.cmo.put('/api/settings/holidays', { items: [staffDay] })).timezone).toBe('Asia/Tokyo');
    ok(await c.cmo.put('/api/settings/company', { timezone: 'UTC' }));
  });

  it('signed out, neither reading nor writing is possible (401)', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/settings/holidays' }), 401);
    expectProblem(await t.app.inject({ method: 'PUT', url: '/api/settings/holidays', payload: { items: [] } }), 401);
  });
});
