import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests, targets } from '../src/db/schema';
import type { TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  createDemoApp,
  fileRequest,
  getRequest,
  ok,
  requestTypeId,
  rowCounts,
  signInDemoAccounts,
  type DemoCallers,
} from './request-helpers';

/*
 * Item 1 of issue 9: every date the API accepts lies between 2000-01-01 and 2099-12-31 (the
 * contract), refused otherwise with a 400 naming the field; impossible dates are refused too.
 */

const outside = ['0000-01-01', '1999-12-31', '2100-01-01', '9999-12-31', '-000001-12-01', '+010000-01-01'];
const impossible = ['2026-02-30', '2026-02-29', '2100-02-29', '2026-04-31'];
const rangeMessage = 'must be a date between 2000-01-01 and 2099-12-31';
const dateMessage = 'must be a calendar date YYYY-MM-DD';
const messageFor = (date: string) => (date.length === 10 && !impossible.includes(date) ? rangeMessage : dateMessage);

let t: TestApp;
let as: DemoCallers;
let typeId: number;
beforeAll(async () => {
  t = await createDemoApp();
  as = await signInDemoAccounts(t);
  typeId = await requestTypeId(as.marketer, 'Event banner');
});
afterAll(() => t.app.close());

const snapshot = () => ({
  rows: rowCounts(t),
  requests: t.app.db.select().from(requests).all(),
  targets: t.app.db.select().from(targets).all(),
});

describe('dates the API accepts', () => {
  it.each([...outside, ...impossible])(
    'a due date of %j is refused on filing and on editing, naming dueDate, and nothing changes',
    async (date) => {
      const mine = await fileRequest(as.sales, { title: 'Due dates', typeId });
      const before = snapshot();
      const created = expectProblem(await as.sales.post('/api/requests', { title: 'Too early', typeId, dueDate: date }), 400);
      expect(created.errors).toEqual([{ path: 'dueDate', message: messageFor(date) }]);
      const edited = expectProblem(await as.sales.patch(`/api/requests/${mine.id}`, { version: mine.version, dueDate: date }), 400);
      expect(edited.errors).toEqual([{ path: 'dueDate', message: messageFor(date) }]);
      expect(snapshot()).toEqual(before);
    },
  );

  it('the first and last days of the range are due dates like any other', async () => {
    const first = await fileRequest(as.sales, { title: 'Due at the start', typeId, dueDate: '2000-01-01' });
    expect(first.dueDate).toBe('2000-01-01');
    const patched = ok<{ dueDate: string }>(
      await as.sales.patch(`/api/requests/${first.id}`, { version: first.version, dueDate: '2099-12-31' }),
    );
    expect(patched.dueDate).toBe('2099-12-31');
    expect((await getRequest(as.sales, first.id)).dueDate).toBe('2099-12-31');
  });

  it.each(['1999-10-01', '2100-01-01', '0000-01-01', '9999-10-01'])(
    'a quarter target for %s is refused, naming periodStart',
    async (quarter) => {
      const before = snapshot();
      const body = expectProblem(await as.cmo.put(`/api/settings/targets/${quarter}`, { strategicShare: 0.5 }), 400);
      expect(body.errors).toEqual([{ path: 'periodStart', message: rangeMessage }]);
      expect(snapshot()).toEqual(before);
    },
  );

  it('quarter targets at both ends of the range are accepted', async () => {
    ok(await as.cmo.put('/api/settings/targets/2000-01-01', { strategicShare: 0.3 }));
    ok(await as.cmo.put('/api/settings/targets/2099-10-01', { strategicShare: 0.6 }));
  });

  it.each([...outside, ...impossible])('a report period with %j is refused, naming the parameter', async (date) => {
    for (const [param, url] of [
      ['from', `/api/reports/headline?from=${encodeURIComponent(date)}&to=2026-11-20`],
      ['to', `/api/reports/time-split?from=2026-11-01&to=${encodeURIComponent(date)}`],
      ['from', `/api/exports/requests.csv?from=${encodeURIComponent(date)}`],
    ] as const) {
      const body = expectProblem(await as.cmo.get(url), 400);
      expect(body.errors, url).toEqual([{ path: param, message: messageFor(date) }]);
    }
  });
});
