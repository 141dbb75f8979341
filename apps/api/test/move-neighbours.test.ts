import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '@altitude/shared/requests';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  addUser,
  classify,
  column,
  fileRequest,
  getRequest,
  ids,
  moveTo,
  readBoard,
  signIn,
  tickingClock,
  type Caller,
  tacticalTypeId,
} from './request-helpers';
import { dbChecksum } from './route-calls';

/**
 * A drop between two cards sends both: `beforeId` the card that will be above, `afterId` the card
 * that will be below. Both are checked, whichever else is sent.
 */
describe('moving a card between two named cards', () => {
  let t: TestApp;
  let marketer: Caller;
  let typeId: number;
  // The planned column, top to bottom, and a card of another column.
  let a: Request, b: Request, c: Request, d: Request, elsewhere: Request;

  const readyCard = async (title: string) => {
    const created = await fileRequest(marketer, { title, typeId });
    return classify(marketer, created.id, 'tactical');
  };
  const planned = async () => ids(column(await readBoard(marketer), 'planned').cards);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: tickingClock() });
    await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
    marketer = await signIn(t, 'marketer@example.com');
    typeId = await tacticalTypeId(marketer);
    // With no neighbour a card goes last, so these four line up in this order.
    [a, b, c, d] = [await readyCard('A'), await readyCard('B'), await readyCard('C'), await readyCard('D')];
    for (const card of [a, b, c, d]) await moveTo(marketer, card.id, 'planned');
    elsewhere = await readyCard('In progress');
    await moveTo(marketer, elsewhere.id, 'in_progress');
    expect(await planned()).toEqual([a.id, b.id, c.id, d.id]);
  });
  afterAll(() => t.app.close());

  async function refused(moving: Request, place: { beforeId: number; afterId: number }) {
    const current = await getRequest(marketer, moving.id);
    const before = dbChecksum(t.app.db);
    const body = expectProblem(
      await marketer.post(`/api/requests/${moving.id}/move`, { status: 'planned', version: current.version, ...place }),
      422,
    );
    expect(body.code).toBe('request.invalid_neighbour');
    expect(body.errors, JSON.stringify(place)).toEqual([{ path: 'afterId', message: expect.any(String) }]);
    expect(dbChecksum(t.app.db)).toBe(before);
    expect(await getRequest(marketer, moving.id)).toEqual(current);
  }

  it('an afterId in another column is refused with 422 naming afterId, even with a valid beforeId', async () => {
    await refused(await readyCard('From intake'), { beforeId: a.id, afterId: elsewhere.id });
  });

  it('an afterId that is no card at all is refused with 422 naming afterId, even with a valid beforeId', async () => {
    await refused(await readyCard('From intake'), { beforeId: a.id, afterId: 987_654 });
  });

  it('an afterId naming the moved card itself is refused with 422 naming afterId', async () => {
    // Reordering inside the column, so the moved card really is in planned.
    await refused(d, { beforeId: a.id, afterId: d.id });
  });

  it('an afterId equal to beforeId is refused with 422 naming afterId', async () => {
    await refused(await readyCard('From intake'), { beforeId: b.id, afterId: b.id });
    await refused(d, { beforeId: b.id, afterId: b.id });
  });

  it('an afterId above beforeId (the two swapped) is refused with 422 naming afterId', async () => {
    await refused(await readyCard('From intake'), { beforeId: b.id, afterId: a.id });
    await refused(await readyCard('From intake'), { beforeId: d.id, afterId: a.id });
    await refused(d, { beforeId: c.id, afterId: b.id });
    expect(await planned()).toEqual([a.id, b.id, c.id, d.id]);
  });

  it('a consistent pair places the card exactly between them, from another column or within the column', async () => {
    const fresh = await readyCard('Between B and C');
    await moveTo(marketer, fresh.id, 'planned', { beforeId: b.id, afterId: c.id });
    expect(await planned()).toEqual([a.id, b.id, fresh.id, c.id, d.id]);
    // D moves up between A and B.
    await moveTo(marketer, d.id, 'planned', { beforeId: a.id, afterId: b.id });
    expect(await planned()).toEqual([a.id, d.id, b.id, fresh.id, c.id]);
    // Back to planned's end, for the tests after this one.
    await moveTo(marketer, d.id, 'planned', { beforeId: c.id });
    await moveTo(marketer, fresh.id, 'intake');
    expect(await planned()).toEqual([a.id, b.id, c.id, d.id]);
  });

  it('when a card landed in the gap since the client looked, the card still lands between its two neighbours: right under the one above', async () => {
    const first = await readyCard('First into A–B');
    const second = await readyCard('Second into A–B');
    await moveTo(marketer, first.id, 'planned', { beforeId: a.id, afterId: b.id });
    // The second client still saw A directly above B.
    await moveTo(marketer, second.id, 'planned', { beforeId: a.id, afterId: b.id });
    expect(await planned()).toEqual([a.id, second.id, first.id, b.id, c.id, d.id]);
  });
});
