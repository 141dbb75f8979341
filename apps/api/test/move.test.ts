import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@altitude/shared/events';
import { z } from 'zod';
import { Request as RequestSchema, type Request } from '@altitude/shared/requests';
import { maxKeyLength } from '../src/modules/requests/ordering';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  addUser,
  byPosition,
  classify,
  column,
  createDemoApp,
  fileRequest,
  getRequest,
  ids,
  moveTo,
  ok,
  readBoard,
  requestTypeId,
  rowCounts,
  signIn,
  signInDemoAccounts,
  tickingClock,
  type Caller,
  type DemoCallers,
} from './request-helpers';

type Activity = { kind: string; actorId: number; field: string | null; from: string | null; to: string | null };

describe('moving cards between columns', () => {
  let t: TestApp;
  let as: DemoCallers;
  let typeId: number;
  beforeAll(async () => {
    t = await createDemoApp();
    as = await signInDemoAccounts(t);
    typeId = await requestTypeId(as.marketer, 'Event banner');
  });
  afterAll(() => t.app.close());

  const activityOf = async (id: number) => ok<{ items: Activity[] }>(await as.marketer.get(`/api/requests/${id}/activity`)).items;
  const move = (caller: Caller, id: number, body: Record<string, unknown>) => caller.post(`/api/requests/${id}/move`, body);

  it('a requester cannot move a card, not even their own (403, nothing changed)', async () => {
    const created = await fileRequest(as.sales, { title: 'Banner', typeId });
    await classify(as.marketer, created.id, 'tactical');
    const current = await getRequest(as.sales, created.id);
    const before = rowCounts(t);
    expect(expectProblem(await move(as.sales, created.id, { status: 'planned', version: current.version }), 403).code).toBe(
      'auth.forbidden',
    );
    expect(await getRequest(as.sales, created.id)).toEqual(current);
    expect(rowCounts(t)).toEqual(before);
  });

  it('a card whose class is only suggested cannot leave intake: 422 request.unclassified, and nothing changes', async () => {
    const created = await fileRequest(as.sales, { title: 'Unclassified banner', typeId });
    const before = rowCounts(t);
    for (const status of ['planned', 'in_progress', 'in_review', 'done']) {
      const body = expectProblem(await move(as.marketer, created.id, { status, version: 1 }), 422);
      expect(body.code).toBe('request.unclassified');
      expect(body.errors).toEqual([{ path: 'classification', message: expect.any(String) }]);
    }
    expect(await getRequest(as.marketer, created.id)).toEqual(created);
    expect(rowCounts(t)).toEqual(before);
  });

  it('once a marketer confirms the class the card moves to planned: version + 1 and a moved activity', async () => {
    const created = await fileRequest(as.sales, { title: 'Classified banner', typeId });
    const classified = await classify(as.marketer, created.id, 'tactical');
    const moved = ok<Request>(await move(as.marketer, created.id, { status: 'planned', version: classified.version }));
    expect(moved).toMatchObject({ status: 'planned', version: classified.version + 1, resolution: null, completedAt: null });
    expect(await getRequest(as.sales, created.id)).toEqual(moved);
    expect(ids(column(await readBoard(as.marketer), 'planned').cards)).toContain(created.id);
    expect((await activityOf(created.id)).at(-1)).toEqual(
      expect.objectContaining({ kind: 'moved', actorId: as.marketer.user.id, field: 'status', from: 'intake', to: 'planned' }),
    );
  });

  it('a move with a stale version is refused with 409 and the current request, and nothing changes', async () => {
    const created = await fileRequest(as.sales, { title: 'Contested banner', typeId });
    const classified = await classify(as.marketer, created.id, 'tactical');
    const before = rowCounts(t);
    const body = expectProblem(await move(as.cmo, created.id, { status: 'planned', version: created.version }), 409);
    expect(body.current).toEqual(classified);
    expect(await getRequest(as.marketer, created.id)).toEqual(classified);
    expect(rowCounts(t)).toEqual(before);
  });

  it('a move answers the request as stored: the same as reading it afterwards, logged time and answers included', async () => {
    const created = await fileRequest(as.sales, { title: 'Banner with logged time', typeId });
    // Filing and moving answer without zod re-encoding the way out: exactly the contract's fields, nothing more.
    const exactly = z.strictObject(RequestSchema.shape);
    expect(exactly.parse(created)).toEqual(created);
    await classify(as.marketer, created.id, 'tactical');
    ok(await as.marketer.post(`/api/requests/${created.id}/time-entries`, { minutes: 45 }), 201);
    const moved = await moveTo(as.marketer, created.id, 'planned');
    expect(moved).toMatchObject({ id: created.id, status: 'planned', loggedMinutes: 45, brief: created.brief, fields: created.fields });
    expect(await getRequest(as.marketer, created.id)).toEqual(moved);
    expect(exactly.parse(moved)).toEqual(moved);
    const done = await moveTo(as.marketer, created.id, 'done');
    expect(done).toMatchObject({ status: 'done', resolution: 'delivered', loggedMinutes: 45 });
    expect(await getRequest(as.marketer, created.id)).toEqual(done);
  });

  it('a card can be declined straight from intake without being classified', async () => {
    const created = await fileRequest(as.sales, { title: 'Out of scope', typeId });
    const declined = ok<Request>(await move(as.marketer, created.id, { status: 'declined', version: 1 }));
    expect(declined).toMatchObject({ status: 'declined', resolution: 'declined', completedAt: expect.any(String) });
  });

  it('a marketer hands a request back with a note: the requester sees the note as a comment and the resolution handed_back', async () => {
    const created = await fileRequest(as.sales, { title: 'Deck tweak for Acme', typeId });
    const note = 'Use the deck template in the sales kit: slide 4 has the pricing table.';
    const handedBack = ok<Request>(
      await move(as.marketer, created.id, { status: 'declined', resolution: 'handed_back', note, version: 1 }),
    );
    expect(handedBack).toMatchObject({ status: 'declined', resolution: 'handed_back', completedAt: expect.any(String) });

    const seen = await getRequest(as.sales, created.id);
    expect(seen.resolution).toBe('handed_back');
    const comments = ok<{ items: { authorId: number; body: string }[] }>(await as.sales.get(`/api/requests/${created.id}/comments`)).items;
    expect(comments).toEqual([expect.objectContaining({ authorId: as.marketer.user.id, body: note })]);
    const log = ok<{ items: Activity[] }>(await as.sales.get(`/api/requests/${created.id}/activity`)).items;
    expect(log.slice(1).map((a) => a.kind)).toEqual(['moved', 'handed_back', 'commented']);
  });

  it('a resolution is only accepted when declining', async () => {
    const created = await fileRequest(as.sales, { title: 'Banner', typeId });
    const classified = await classify(as.marketer, created.id, 'tactical');
    const body = expectProblem(
      await move(as.marketer, created.id, { status: 'planned', resolution: 'handed_back', version: classified.version }),
      422,
    );
    expect(body.errors).toEqual([{ path: 'resolution', message: expect.any(String) }]);
    expect(await getRequest(as.marketer, created.id)).toEqual(classified);
  });

  it('a card moved to done is delivered; moved back to work it is open again', async () => {
    const created = await fileRequest(as.sales, { title: 'Roll-up', typeId });
    await classify(as.marketer, created.id, 'tactical');
    const done = await moveTo(as.marketer, created.id, 'done');
    expect(done).toMatchObject({ status: 'done', resolution: 'delivered', completedAt: expect.any(String) });
    const reopened = await moveTo(as.marketer, created.id, 'in_review');
    expect(reopened).toMatchObject({ status: 'in_review', resolution: null, completedAt: null });
  });

  it('an unknown status or a missing version is a 400 naming it', async () => {
    const created = await fileRequest(as.sales, { title: 'Banner', typeId });
    expect(expectProblem(await move(as.marketer, created.id, { status: 'archived', version: 1 }), 400).errors).toEqual([
      { path: 'status', message: expect.any(String) },
    ]);
    expect(expectProblem(await move(as.marketer, created.id, { status: 'declined' }), 400).errors).toEqual([
      { path: 'version', message: expect.any(String) },
    ]);
  });

  it('moving a card no one may see, or that does not exist, is a 404', async () => {
    expectProblem(await move(as.marketer, 999999, { status: 'planned', version: 1 }), 404);
  });
});

describe('positions within a column', () => {
  let t: TestApp;
  let as: DemoCallers;
  let typeId: number;
  beforeAll(async () => {
    t = await createDemoApp();
    as = await signInDemoAccounts(t);
    typeId = await requestTypeId(as.marketer, 'Event banner');
  });
  afterAll(() => t.app.close());

  /** A fresh, confirmed card in intake, ready to leave it. */
  const readyCard = async (title = 'Card') => {
    const created = await fileRequest(as.marketer, { title, typeId });
    return classify(as.marketer, created.id, 'tactical');
  };
  const plannedCards = async () => column(await readBoard(as.marketer), 'planned').cards;

  beforeAll(async () => {
    // Enough neighbours in planned and in_progress, whatever the demo data holds today.
    for (let i = 0; i < 8; i++) await moveTo(as.marketer, (await readyCard(`Planned ${i}`)).id, 'planned');
    await moveTo(as.marketer, (await readyCard('In progress')).id, 'in_progress');
  });

  it('the board lists every open column in position order', async () => {
    for (const status of ['intake', 'planned', 'in_progress', 'in_review'] as const) {
      const cards = column(await readBoard(as.marketer), status).cards;
      expect(ids(cards), status).toEqual(ids([...cards].sort(byPosition)));
    }
  });

  it('a card moved between two cards gets a position strictly between theirs and is listed there', async () => {
    const [above, below] = await plannedCards();
    const card = await readyCard('Goes between the first two');
    const moved = ok<Request>(
      await as.marketer.post(`/api/requests/${card.id}/move`, {
        status: 'planned',
        beforeId: above!.id,
        afterId: below!.id,
        version: card.version,
      }),
    );
    expect(moved.position > above!.position && moved.position < below!.position).toBe(true);
    expect(ids(await plannedCards()).slice(0, 3)).toEqual([above!.id, card.id, below!.id]);
  });

  it('afterId alone places the card directly above that card; no neighbour at all places it last', async () => {
    const cards = await plannedCards();
    const target = cards[3]!;
    const card = await readyCard('Directly above the fourth');
    await moveTo(as.marketer, card.id, 'planned', { afterId: target.id });
    const now = ids(await plannedCards());
    expect(now.indexOf(card.id)).toBe(now.indexOf(target.id) - 1);
    expect(now.indexOf(target.id)).toBe(3 + 1);

    const last = await readyCard('At the end');
    await moveTo(as.marketer, last.id, 'planned');
    expect(ids(await plannedCards()).at(-1)).toBe(last.id);
  });

  it('a card reordered within its column moves there and the activity says reordered', async () => {
    const cards = await plannedCards();
    const card = cards.at(-1)!;
    const moved = await moveTo(as.marketer, card.id, 'planned', { afterId: cards[0]!.id });
    expect(ids(await plannedCards())[0]).toBe(card.id);
    expect(moved.version).toBe(card.version + 1);
    const log = ok<{ items: Activity[] }>(await as.marketer.get(`/api/requests/${card.id}/activity`)).items;
    expect(log.at(-1)).toMatchObject({ kind: 'reordered', field: 'position', from: card.position, to: moved.position });
  });

  it('two moves aimed at the same gap both succeed, with distinct keys, both between the neighbours', async () => {
    const [above, below] = (await plannedCards()).slice(4, 6);
    const first = await readyCard('First into the gap');
    const second = await readyCard('Second into the gap');
    const gap = { status: 'planned', beforeId: above!.id, afterId: below!.id };
    const a = ok<Request>(await as.marketer.post(`/api/requests/${first.id}/move`, { ...gap, version: first.version }));
    const b = ok<Request>(await as.cmo.post(`/api/requests/${second.id}/move`, { ...gap, version: second.version }));
    expect(a.position).not.toBe(b.position);
    for (const moved of [a, b]) expect(moved.position > above!.position && moved.position < below!.position, moved.key).toBe(true);
    const order = ids(await plannedCards());
    const from = order.indexOf(above!.id);
    expect(order.slice(from, from + 4)).toEqual([above!.id, second.id, first.id, below!.id]);
  });

  it('fifty concurrent moves into one gap all succeed with distinct keys, and the board shows exactly the order the server answered', async () => {
    const [above, below] = (await plannedCards()).slice(1, 3);
    const cards: Request[] = [];
    for (let i = 0; i < 50; i++) cards.push(await readyCard(`Concurrent ${i}`));
    const answers = await Promise.all(
      cards.map((c) =>
        as.marketer.post(`/api/requests/${c.id}/move`, { status: 'planned', beforeId: above!.id, afterId: below!.id, version: c.version }),
      ),
    );
    const moved = answers.map((res) => ok<Request>(res));
    expect(new Set(moved.map((m) => m.position)).size).toBe(50);
    for (const m of moved) expect(m.position > above!.position && m.position < below!.position, m.key).toBe(true);

    const order = ids(await plannedCards());
    const from = order.indexOf(above!.id);
    expect(order.slice(from, from + 52)).toEqual([above!.id, ...ids([...moved].sort(byPosition)), below!.id]);
  });

  it('a beforeId or afterId that is not a card of the target column is refused with 422 naming it, and nothing changes', async () => {
    const card = await readyCard('Misplaced');
    const board = await readBoard(as.marketer);
    const inProgress = column(board, 'in_progress').cards[0]!;
    const before = rowCounts(t);
    const attempts: [Record<string, unknown>, string][] = [
      [{ beforeId: inProgress.id }, 'beforeId'],
      [{ afterId: inProgress.id }, 'afterId'],
      [{ beforeId: 999999 }, 'beforeId'],
      [{ beforeId: card.id }, 'beforeId'],
    ];
    for (const [place, path] of attempts) {
      const body = expectProblem(
        await as.marketer.post(`/api/requests/${card.id}/move`, { status: 'planned', version: card.version, ...place }),
        422,
      );
      expect(body.code, JSON.stringify(place)).toBe('request.invalid_neighbour');
      expect(body.errors).toEqual([{ path, message: expect.any(String) }]);
    }
    expect(await getRequest(as.marketer, card.id)).toEqual(card);
    expect(rowCounts(t)).toEqual(before);
  });
});

describe('ordering keys stay short', () => {
  let t: TestApp;
  let marketer: Caller;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: tickingClock() });
    await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
    marketer = await signIn(t, 'marketer@example.com');
  });
  afterAll(() => t.app.close());

  it(`inserting again and again into one gap rebalances the column before any key passes ${maxKeyLength} characters, keeping the visible order`, async () => {
    const type = ok<{ items: { id: number; defaultClassification: 'strategic' | 'tactical' }[] }>(await marketer.get('/api/request-types'))
      .items[0]!;
    const ready = async (title: string) => {
      const created = await fileRequest(marketer, { title, typeId: type.id });
      // The type's own default: a class against it would need a note, which is not what this test is about.
      return classify(marketer, created.id, type.defaultClassification);
    };
    const top = await ready('Top');
    const bottom = await ready('Bottom');
    await moveTo(marketer, top.id, 'planned');
    await moveTo(marketer, bottom.id, 'planned');
    const rebalances: ChangeEvent[] = [];
    const unsubscribe = t.app.events.subscribe((event) => {
      if (event.type === 'column.rebalanced') rebalances.push(event);
    });

    /** What the board should show, maintained from what each move asked for. */
    const expected = [top.id, bottom.id];
    const check = async () => {
      const cards = column(await readBoard(marketer), 'planned').cards;
      expect(ids(cards)).toEqual(expected);
      for (const c of cards) expect(c.position.length, c.key).toBeLessThanOrEqual(maxKeyLength);
    };

    // Fifty new cards, each dropped directly below the top card: the gap halves every time.
    for (let i = 0; i < 50; i++) {
      const card = await ready(`Insert ${i}`);
      const moved = ok<Request>(
        await marketer.post(`/api/requests/${card.id}/move`, {
          status: 'planned',
          beforeId: top.id,
          afterId: expected[1],
          version: card.version,
        }),
      );
      expect(moved.position.length).toBeLessThanOrEqual(maxKeyLength);
      expected.splice(1, 0, card.id);
      await check();
    }
    // Keep dropping the card just above the bottom one into that same gap until the keys run out of room.
    for (let i = 0; i < 150 && rebalances.length === 0; i++) {
      const id = expected[expected.length - 2]!;
      const moved = await moveTo(marketer, id, 'planned', { beforeId: top.id, afterId: expected[1] });
      expect(moved.position.length).toBeLessThanOrEqual(maxKeyLength);
      expected.splice(expected.indexOf(id), 1);
      expected.splice(1, 0, id);
      await check();
    }
    unsubscribe();
    expect(rebalances).toEqual([{ type: 'column.rebalanced', status: 'planned' }]);
    // After the rebalance the keys are short again.
    const cards = column(await readBoard(marketer), 'planned').cards;
    expect(Math.max(...cards.map((c) => c.position.length))).toBeLessThanOrEqual(3);
  });
});
