import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Status } from '@altitude/shared/domain';
import type { Board } from '@altitude/shared/requests';
import { requests } from '../src/db/schema';
import { readBoard as buildBoard } from '../src/modules/board/board.queries';
import { maxKeyLength } from '../src/modules/requests/ordering';
import {
  classify,
  column,
  createDemoApp,
  fileRequest,
  getRequest,
  ok,
  readBoard,
  requestTypeId,
  signInDemoAccounts,
  type DemoCallers,
} from './request-helpers';
import type { TestApp } from './harness';

/** A small deterministic generator, so a failure replays the same way. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/**
 * The unfiltered board is served from a snapshot patched after each change. Whatever the
 * sequence of changes, its answer must be exactly what building the board from the database
 * gives, byte for byte.
 */
describe('the patched board snapshot', () => {
  let t: TestApp;
  let as: DemoCallers;
  const rand = random(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  beforeAll(async () => {
    t = await createDemoApp();
    as = await signInDemoAccounts(t);
  });
  afterAll(() => t.app.close());

  /** The served board equals a fresh build; returns it. */
  async function expectFresh(): Promise<Board> {
    const res = await as.marketer.get('/api/board');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toBe(JSON.stringify(buildBoard(t.app.db, [], t.app.clock())));
    return res.json<Board>();
  }

  it('equals a fresh build after every kind of change', async () => {
    let board = await expectFresh();
    const open: Status[] = ['planned', 'in_progress', 'in_review'];
    const typeId = await requestTypeId(as.sales, 'Event banner');
    for (let step = 0; step < 120; step++) {
      const kind = pick(['move', 'move', 'move', 'reorder', 'close', 'reopen', 'create', 'classify', 'time', 'edit'] as const);
      if (kind === 'move' || kind === 'reorder') {
        const from = column(board, pick(open)).cards;
        if (from.length === 0) continue;
        const card = pick(from);
        const to = kind === 'reorder' ? card.status : pick(open);
        const anchors = column(board, to).cards.filter((c) => c.id !== card.id);
        const place = anchors.length === 0 ? {} : rand() < 0.5 ? { beforeId: pick(anchors).id } : { afterId: pick(anchors).id };
        ok(await as.marketer.post(`/api/requests/${card.id}/move`, { status: to, version: card.version, ...place }));
      } else if (kind === 'close') {
        const card = pick(column(board, pick(open)).cards);
        if (!card) continue;
        ok(await as.marketer.post(`/api/requests/${card.id}/move`, { status: pick(['done', 'declined'] as const), version: card.version }));
      } else if (kind === 'reopen') {
        const card = pick(column(board, pick(['done', 'declined'] as const)).cards);
        if (!card) continue;
        ok(await as.marketer.post(`/api/requests/${card.id}/move`, { status: 'planned', version: card.version }));
      } else if (kind === 'create') {
        await fileRequest(as.sales, { title: `Snapshot card ${step}`, typeId });
      } else if (kind === 'classify') {
        const card = pick(column(board, 'intake').cards);
        if (!card) continue;
        // Either class, so a note: against the type's default one is required.
        await classify(as.marketer, card.id, pick(['strategic', 'tactical'] as const), 'Triaged in the snapshot test');
      } else if (kind === 'time') {
        const card = pick(column(board, pick(open)).cards);
        if (!card) continue;
        ok(await as.marketer.post(`/api/requests/${card.id}/time-entries`, { minutes: 30 }), 201);
      } else {
        const card = pick(column(board, pick(open)).cards);
        if (!card) continue;
        const { version } = await getRequest(as.marketer, card.id);
        ok(await as.marketer.patch(`/api/requests/${card.id}`, { version, title: `Renamed at step ${step}` }));
      }
      board = await expectFresh();
    }
  });

  it('follows a WIP limit change, a write that bypasses the API, and a column rebalance', async () => {
    ok(await as.cmo.put('/api/settings/workflow/in_review', { wipLimit: 7 }));
    expect(column(await expectFresh(), 'in_review').wipLimit).toBe(7);

    const [card] = column(await readBoard(as.marketer), 'planned').cards;
    t.app.db.update(requests).set({ title: 'Changed under the API' }).where(eq(requests.id, card!.id)).run();
    expect(column(await expectFresh(), 'planned').cards[0]!.title).toBe('Changed under the API');

    // Dropping card after card into the same gap grows keys until the column is rebalanced.
    const planned = column(await readBoard(as.marketer), 'planned').cards;
    const [top, mover] = [planned[0]!, planned[1]!];
    for (let i = 0; i < 2 * maxKeyLength * 6; i++) {
      const { version } = await getRequest(as.marketer, mover.id);
      const other = column(await readBoard(as.marketer), 'in_progress').cards[0]!;
      ok(await as.marketer.post(`/api/requests/${other.id}/move`, { status: 'planned', version: other.version, beforeId: top.id }));
      ok(await as.marketer.post(`/api/requests/${mover.id}/move`, { status: 'planned', version, beforeId: top.id }));
      const board = await expectFresh();
      expect(column(board, 'planned').cards.every((c) => c.position.length <= maxKeyLength)).toBe(true);
      ok(
        await as.marketer.post(`/api/requests/${other.id}/move`, {
          status: 'in_progress',
          version: (await getRequest(as.marketer, other.id)).version,
        }),
      );
    }
  });

  it('still follows changes after its log was trimmed (past 5,000 changes)', async () => {
    await expectFresh();
    // 5,000+ logged changes in bulk: each UPDATE logs every request it touches, and the next
    // read rebuilds (too many to patch) and trims the log.
    const total = t.app.db.$client.prepare('select count(*) from requests').pluck().get() as number;
    for (let logged = 0; logged <= 5_000; logged += total) t.app.db.$client.prepare('update requests set title = title').run();
    await expectFresh();
    // Then one card at a time, as a move or an edit would.
    for (const step of [1, 2, 3]) {
      const [card] = column(await readBoard(as.marketer), 'planned').cards;
      t.app.db
        .update(requests)
        .set({ title: `After the trim, change ${step}` })
        .where(eq(requests.id, card!.id))
        .run();
      expect(column(await expectFresh(), 'planned').cards[0]!.title).toBe(`After the trim, change ${step}`);
    }
  });
});
