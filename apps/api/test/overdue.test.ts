import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '@altitude/shared/requests';
import { createTestApp, type TestApp } from './harness';
import { addUser, classify, fileRequest, listAll, moveTo, ok, readBoard, signIn, tacticalTypeId, type Caller } from './request-helpers';

/**
 * A request is overdue once its due date is behind the company's today (its time zone, a lead's
 * setting): due today is not overdue yet, due yesterday is. Done and declined work is never overdue.
 */
describe('overdue follows the company calendar', () => {
  let t: TestApp;
  let lead: Caller;
  let marketer: Caller;
  // The clock the app reads: set to an instant, then ticking 1 ms per reading from there.
  let base = Date.parse('2026-11-18T12:00:00.000Z');
  let ticks = 0;
  /** Moves the clock; people sign in again (sessions idle out after 12 hours) unless told not to. */
  const setClock = async (iso: string, { signInAgain = true } = {}) => {
    base = Date.parse(iso);
    ticks = 0;
    if (signInAgain) [lead, marketer] = [await signIn(t, 'lead@example.com'), await signIn(t, 'marketer@example.com')];
  };
  const due: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: () => new Date(base + ticks++) });
    await addUser(t, 'lead@example.com', 'lead', 'Marketing');
    await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
    lead = await signIn(t, 'lead@example.com');
    marketer = await signIn(t, 'marketer@example.com');
    const typeId = await tacticalTypeId(marketer);
    const file = async (title: string, dueDate: string) => (due[title] = (await fileRequest(marketer, { title, typeId, dueDate })).id);
    for (const date of ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21']) await file(`due ${date}`, date);
    // One of them worked on, so the filter is seen across columns, not only intake.
    const planned: Request = await classify(marketer, due['due 2026-11-19']!, 'tactical');
    await moveTo(marketer, planned.id, 'planned');
    // Long past due, but finished or declined: never overdue.
    await classify(marketer, await file('done, due 2026-11-01', '2026-11-01'), 'tactical');
    await moveTo(marketer, due['done, due 2026-11-01']!, 'done');
    await moveTo(marketer, await file('declined, due 2026-11-01', '2026-11-01'), 'declined');
  });
  afterAll(() => t.app.close());

  const setZone = async (timezone: string) => ok(await lead.put('/api/settings/company', { timezone }));

  /** The titles `?overdue=true` answers, from the request list and from the board. */
  async function overdueNow() {
    const titleOf = (id: number) => Object.keys(due).find((k) => due[k] === id)!;
    const listed = (await listAll(marketer, 'overdue=true')).map((r) => titleOf(r.id)).sort();
    const board = (await readBoard(marketer, '?overdue=true')).columns.flatMap((c) => c.cards.map((card) => titleOf(card.id))).sort();
    expect(board, 'the board and the list agree').toEqual(listed);
    return listed;
  }

  it('in New York (UTC−5): one second before local midnight, due today is not overdue though UTC is already on the next day', async () => {
    await setClock('2026-11-20T04:59:59.000Z'); // Thursday 19 November, 23:59:59 in New York
    await setZone('America/New_York');
    expect(await overdueNow()).toEqual(['due 2026-11-18']);
  });

  it("in New York: at local midnight, yesterday's due date becomes overdue and today's is not", async () => {
    await setClock('2026-11-20T05:00:00.000Z'); // Friday 20 November, 00:00 in New York
    await setZone('America/New_York');
    expect(await overdueNow()).toEqual(['due 2026-11-18', 'due 2026-11-19']);
  });

  it('in Auckland (UTC+13): a day ahead of UTC, due on the local today is not overdue, due on the local yesterday is', async () => {
    await setClock('2026-11-19T11:30:00.000Z'); // Friday 20 November, 00:30 in Auckland; still the 19th in UTC
    await setZone('Pacific/Auckland');
    expect(await overdueNow()).toEqual(['due 2026-11-18', 'due 2026-11-19']);
    await setClock('2026-11-19T10:59:59.000Z'); // Thursday 19 November, 23:59:59 in Auckland
    expect(await overdueNow()).toEqual(['due 2026-11-18']);
  });

  it('in Kolkata (UTC+5:30), midnight on the half hour: the board turns at local midnight without any write, within one UTC hour', async () => {
    await setClock('2026-11-20T18:29:59.000Z'); // Friday 20 November, 23:59:59 in Kolkata
    await setZone('Asia/Kolkata');
    expect(await overdueNow()).toEqual(['due 2026-11-18', 'due 2026-11-19']);
    // Same UTC hour, no write in between: a cached board must not hide the new overdue card.
    await setClock('2026-11-20T18:30:00.000Z', { signInAgain: false }); // Saturday 21 November, 00:00 in Kolkata
    expect(await overdueNow()).toEqual(['due 2026-11-18', 'due 2026-11-19', 'due 2026-11-20']);
  });
});
