import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Board, BoardColumn, Card, Request } from '@altitude/shared/requests';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  addUser,
  byPosition,
  classify,
  column,
  createDemoApp,
  departmentId,
  fileRequest,
  ids,
  listAll,
  moveTo,
  ok,
  readBoard,
  requestTypeId,
  signIn,
  signInDemoAccounts,
  tickingClock,
  type Caller,
  type DemoCallers,
  tacticalTypeId,
} from './request-helpers';

const today = '2026-11-20';
const workflow = ['intake', 'planned', 'in_progress', 'in_review', 'done', 'declined'];
const cardKeys = [
  'assigneeId',
  'classification',
  'classificationNote',
  'classificationSuggested',
  'completedAt',
  'createdAt',
  'departmentId',
  'dueDate',
  'estimateMinutes',
  'id',
  'key',
  'loggedMinutes',
  'plannedFor',
  'position',
  'priority',
  'requesterId',
  'resolution',
  'status',
  'title',
  'typeId',
  'updatedAt',
  'version',
  // Service levels (0006): the promise, the clock's state, who it waits on, rush, rounds.
  'expectedBy',
  'slaState',
  'waitingOn',
  'rush',
  'needsInfoRounds',
  // Planning (0008): the strategic initiative it serves.
  'initiativeId',
].sort();

/** Every card of a closed column, walking its pages. */
async function walkClosedColumn(caller: Caller, status: 'done' | 'declined', first: BoardColumn, filters = '') {
  const cards = [...first.cards];
  let cursor = first.nextCursor;
  let pages = 1;
  while (cursor) {
    const page = ok<BoardColumn>(
      await caller.get(`/api/board/columns/${status}?cursor=${encodeURIComponent(cursor)}${filters ? `&${filters}` : ''}`),
    );
    expect(page.status).toBe(status);
    expect(page.count).toBe(first.count);
    expect(page.cards.length).toBeLessThanOrEqual(50);
    cards.push(...page.cards);
    cursor = page.nextCursor;
    pages++;
  }
  return { cards, pages };
}

describe('the board', () => {
  let t: TestApp;
  let as: DemoCallers;
  let board: Board;
  let all: Request[];
  beforeAll(async () => {
    t = await createDemoApp();
    as = await signInDemoAccounts(t);
    // One card certainly overdue, whatever the demo data holds today.
    await fileRequest(as.sales, { title: 'Late banner', typeId: await requestTypeId(as.sales, 'Event banner'), dueDate: '2026-11-02' });
    board = await readBoard(as.marketer);
    all = await listAll(as.marketer);
  });
  afterAll(() => t.app.close());

  it('is for marketers and leads: requesters get 403', async () => {
    for (const requester of [as.sales, as.product, as.exec]) {
      expect(expectProblem(await requester.get('/api/board'), 403).code).toBe('auth.forbidden');
      expectProblem(await requester.get('/api/board/columns/done'), 403);
    }
    expect(await readBoard(as.cmo)).toEqual(board);
  });

  it('lists the columns in workflow order, each with its WIP limit, count, cards and nextCursor', () => {
    expect(Object.keys(board)).toEqual(['columns']);
    expect(board.columns.map((c) => c.status)).toEqual(workflow);
    for (const col of board.columns) {
      expect(Object.keys(col).sort(), col.status).toEqual(['cards', 'count', 'laneCounts', 'nextCursor', 'status', 'total', 'wipLimit']);
    }
    expect(board.columns.map((c) => c.wipLimit)).toEqual([null, 15, 10, 6, null, null]);
    // The done column ships one page of its hundreds of cards; its lanes still add up to its header.
    for (const col of board.columns) {
      expect(col.laneCounts.strategic + col.laneCounts.tactical + col.laneCounts.unclassified, col.status).toBe(col.count);
      expect(col.total, col.status).toBe(col.count);
    }
    expect(column(board, 'done').cards.length).toBeLessThan(column(board, 'done').count);
  });

  it('open columns carry all their cards, in position order, and their count matches the request list', () => {
    for (const status of ['intake', 'planned', 'in_progress', 'in_review'] as const) {
      const col = column(board, status);
      const inList = all.filter((r) => r.status === status);
      expect(col.count, status).toBe(inList.length);
      expect(col.cards.length, status).toBe(inList.length);
      expect(col.nextCursor, status).toBeNull();
      expect(ids(col.cards), status).toEqual(ids([...col.cards].sort(byPosition)));
      expect(new Set(ids(col.cards)), status).toEqual(new Set(ids(inList)));
    }
  });

  it('cards ship what a card shows, without brief, business goal or audience', () => {
    const cards = board.columns.flatMap((c) => c.cards);
    expect(cards.length).toBeGreaterThan(50);
    for (const card of cards) {
      expect(Object.keys(card).sort(), card.key).toEqual(cardKeys);
      expect(card.key).toBe(`MKT-${card.id}`);
    }
    const full = all.find((r) => r.id === cards[0]!.id)!;
    const { brief: _b, businessGoal: _g, audience: _a, fields: _f, ...expected } = full;
    expect(cards[0]).toEqual(expected);
  });

  it('the done column ships its 50 most recently completed cards, and further pages follow from nextCursor', async () => {
    const done = column(board, 'done');
    const inList = all.filter((r) => r.status === 'done');
    expect(inList.length).toBeGreaterThan(100);
    expect(done.count).toBe(inList.length);
    expect(done.cards).toHaveLength(50);
    expect(done.nextCursor).toEqual(expect.any(String));

    const { cards, pages } = await walkClosedColumn(as.marketer, 'done', done);
    expect(pages).toBe(Math.ceil(inList.length / 50));
    expect(cards).toHaveLength(inList.length);
    expect(new Set(ids(cards))).toEqual(new Set(ids(inList)));
    // Newest completion first, across page boundaries too.
    const order = cards.map((c) => `${c.completedAt}|${String(c.id).padStart(8, '0')}`);
    expect(order).toEqual([...order].sort().reverse());
  });

  it('the declined column lists declined, handed-back and cancelled requests', () => {
    const declined = column(board, 'declined');
    expect(declined.count).toBe(all.filter((r) => r.status === 'declined').length);
    for (const card of declined.cards) expect(['declined', 'handed_back', 'cancelled']).toContain(card.resolution);
  });

  it('a cursor that did not come from a page is a 400 naming cursor', async () => {
    for (const cursor of ['nonsense', Buffer.from('{"a":1}').toString('base64url')]) {
      expect(expectProblem(await as.marketer.get(`/api/board/columns/done?cursor=${cursor}`), 400).errors).toEqual([
        { path: 'cursor', message: expect.any(String) },
      ]);
    }
    expectProblem(await as.marketer.get('/api/board/columns/planned'), 400);
  });

  it('the department filter applies to every column, counts included', async () => {
    const sales = await departmentId(as.marketer, 'Sales');
    const filtered = await readBoard(as.marketer, `?department=${sales}`);
    expect(filtered.columns.map((c) => c.status)).toEqual(workflow);
    for (const col of filtered.columns) {
      expect(col.count, col.status).toBe(all.filter((r) => r.status === col.status && r.departmentId === sales).length);
      for (const card of col.cards) expect(card.departmentId).toBe(sales);
    }
    const done = column(filtered, 'done');
    const { cards } = await walkClosedColumn(as.marketer, 'done', done, `department=${sales}`);
    expect(cards).toHaveLength(done.count);
    for (const card of cards) expect(card.departmentId).toBe(sales);
  });

  it('the classification filter shows only unconfirmed cards as unclassified', async () => {
    const filtered = await readBoard(as.marketer, '?classification=unclassified');
    const cards = filtered.columns.flatMap((c) => c.cards);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.classificationSuggested || card.classification === null).toBe(true);
    expect(ids(column(filtered, 'intake').cards)).toEqual(ids(column(board, 'intake').cards.filter((c) => c.classificationSuggested)));
  });

  it('the type, assignee, text and overdue filters apply to the board', async () => {
    const research = await requestTypeId(as.marketer, 'Market research');
    for (const card of (await readBoard(as.marketer, `?type=${research}`)).columns.flatMap((c) => c.cards))
      expect(card.typeId).toBe(research);

    const mine = await readBoard(as.marketer, `?assignee=${as.marketer.user.id}`);
    expect(mine.columns.flatMap((c) => c.cards).length).toBeGreaterThan(0);
    for (const card of mine.columns.flatMap((c) => c.cards)) expect(card.assigneeId).toBe(as.marketer.user.id);

    const target = board.columns.flatMap((c) => c.cards).at(-1)!;
    const byKey = await readBoard(as.marketer, `?q=${target.key}`);
    expect(byKey.columns.flatMap((c) => c.cards)).toEqual([target]);
    expect(byKey.columns.map((c) => c.count)).toEqual(workflow.map((s) => (s === target.status ? 1 : 0)));

    const overdue = await readBoard(as.marketer, '?overdue=true');
    const late = overdue.columns.flatMap((c) => c.cards);
    expect(late.length).toBeGreaterThan(0);
    for (const card of late) expect(card.dueDate! < today && !['done', 'declined'].includes(card.status), card.key).toBe(true);
    expect(column(overdue, 'done').count).toBe(0);
  });

  it('a new request and a move show on the next read of the board', async () => {
    const typeId = await requestTypeId(as.marketer, 'Event banner');
    const created = await fileRequest(as.sales, { title: 'Stage screen loop', typeId });
    expect(ids(column(await readBoard(as.marketer), 'intake').cards).at(-1)).toBe(created.id);
    await classify(as.marketer, created.id, 'tactical');
    const top = column(await readBoard(as.marketer), 'in_progress').cards[0];
    await moveTo(as.marketer, created.id, 'in_progress', { afterId: top?.id });
    const after = await readBoard(as.marketer);
    expect(ids(column(after, 'in_progress').cards)[0]).toBe(created.id);
    expect(column(after, 'in_progress').count).toBe(column(board, 'in_progress').count + 1);
    expect(ids(column(after, 'intake').cards)).not.toContain(created.id);
  });

  it('answers a repeated read from its cache, and rebuilds it after any write', async () => {
    await as.marketer.get('/api/board');
    const cached = await as.marketer.get('/api/board');
    expect(cached.headers['x-cache']).toBe('hit');
    expect(cached.headers['content-type']).toContain('application/json');
    const typeId = await requestTypeId(as.marketer, 'Event banner');
    const created = await fileRequest(as.sales, { title: 'Banner after a cached read', typeId });
    const fresh = await as.marketer.get('/api/board');
    expect(fresh.headers['x-cache']).toBeUndefined();
    expect(ids(column(fresh.json<Board>(), 'intake').cards)).toContain(created.id);
    // A requester still cannot read the cached board.
    expectProblem(await as.sales.get('/api/board'), 403);
  });

  it('reads the board in a constant number of SQL statements, whatever the number of cards', async () => {
    const empty = await createTestApp({ seed: 'baseline', now: tickingClock() });
    try {
      await addUser(empty, 'marketer@example.com', 'marketer', 'Marketing');
      const marketer = await signIn(empty, 'marketer@example.com');
      const statements = async (app: TestApp, caller: Caller) => {
        // A connection compiles a few statements once, on its first read (data_version): count a warm one.
        ok(await caller.get(`/api/board?fresh=${Math.random()}`));
        const prepare = vi.spyOn(app.app.db.$client, 'prepare');
        try {
          // A fresh URL, so the read cache cannot answer in place of the database, and a filter
          // every card passes, so the board is built from the database rather than patched.
          ok(await caller.get(`/api/board?classification=strategic,tactical,unclassified&fresh=${Math.random()}`));
          return prepare.mock.calls.length;
        } finally {
          prepare.mockRestore();
        }
      };
      const onEmpty = await statements(empty, marketer);
      const onDemo = await statements(t, as.marketer);
      expect(column(board, 'done').count + column(board, 'planned').count).toBeGreaterThan(250);
      expect(onDemo).toBe(onEmpty);
      expect(onDemo).toBeLessThanOrEqual(10);
    } finally {
      await empty.app.close();
    }
  });
});

describe('a closed column with exactly one page', () => {
  let t: TestApp;
  let marketer: Caller;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: tickingClock() });
    await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
    marketer = await signIn(t, 'marketer@example.com');
  });
  afterAll(() => t.app.close());

  it('fifty done cards fit on the first page: nextCursor is null', async () => {
    const typeId = await tacticalTypeId(marketer);
    const done: Card[] = [];
    for (let i = 0; i < 50; i++) {
      const created = await fileRequest(marketer, { title: `Delivered ${i}`, typeId });
      await classify(marketer, created.id, 'tactical');
      done.push(await moveTo(marketer, created.id, 'done'));
    }
    const col = column(await readBoard(marketer), 'done');
    expect(col.count).toBe(50);
    expect(ids(col.cards)).toEqual(ids(done).reverse());
    expect(col.nextCursor).toBeNull();
  });
});
