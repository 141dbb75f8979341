import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, BoardColumn } from '@altitude/shared/requests';
import { createTestApp, type TestApp } from './harness';
import { addUser, classify, column, fileRequest, moveTo, ok, readBoard, signIn, tacticalTypeId, type Caller } from './request-helpers';

const counts = (col: BoardColumn) => ({ count: col.count, total: col.total, laneCounts: col.laneCounts });

/**
 * The board's header counts: `count` is what the filters let through, `total` the column's real
 * size (the WIP limit's measure), `laneCounts` splits `count` by lane, so the lane headers add up
 * to the column's even where only one page of cards ships.
 */
describe('the board counts each column and lane', () => {
  let t: TestApp;
  let marketer: Caller;
  let typeId: number;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: () => new Date('2026-11-20T10:00:00Z') });
    await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
    marketer = await signIn(t, 'marketer@example.com');
    typeId = await tacticalTypeId(marketer);
  });
  afterAll(() => t.app.close());

  it('splits the counts by lane, and keeps them right as cards move and are classified', async () => {
    const file = (title: string) => fileRequest(marketer, { title, typeId });
    const [a, b, c, d] = [await file('Alpha banner'), await file('Beta banner'), await file('Gamma flyer'), await file('Delta flyer')];
    // Read once so the snapshot exists; what follows is patched into it.
    let board: Board = await readBoard(marketer);
    // The type only suggests tactical: all four are unclassified until a marketer confirms.
    expect(counts(column(board, 'intake'))).toEqual({ count: 4, total: 4, laneCounts: { strategic: 0, tactical: 0, unclassified: 4 } });

    await classify(marketer, a.id, 'strategic', 'Opens the launch');
    await classify(marketer, b.id, 'tactical');
    await classify(marketer, c.id, 'tactical');
    await moveTo(marketer, a.id, 'planned');
    await moveTo(marketer, b.id, 'planned');
    await moveTo(marketer, c.id, 'done');
    board = await readBoard(marketer);
    expect(counts(column(board, 'intake'))).toEqual({ count: 1, total: 1, laneCounts: { strategic: 0, tactical: 0, unclassified: 1 } });
    expect(counts(column(board, 'planned'))).toEqual({ count: 2, total: 2, laneCounts: { strategic: 1, tactical: 1, unclassified: 0 } });
    expect(counts(column(board, 'done'))).toEqual({ count: 1, total: 1, laneCounts: { strategic: 0, tactical: 1, unclassified: 0 } });
    expect(counts(column(board, 'declined'))).toEqual({ count: 0, total: 0, laneCounts: { strategic: 0, tactical: 0, unclassified: 0 } });
    expect(d.status).toBe('intake');
  });

  it('under a filter, count and lanes follow the filter while total stays the real count', async () => {
    const board = await readBoard(marketer, '?q=banner');
    expect(counts(column(board, 'planned'))).toEqual({ count: 2, total: 2, laneCounts: { strategic: 1, tactical: 1, unclassified: 0 } });
    expect(counts(column(board, 'intake'))).toEqual({ count: 0, total: 1, laneCounts: { strategic: 0, tactical: 0, unclassified: 0 } });
    expect(counts(column(board, 'done'))).toEqual({ count: 0, total: 1, laneCounts: { strategic: 0, tactical: 0, unclassified: 0 } });
    const strategic = await readBoard(marketer, '?classification=strategic');
    expect(counts(column(strategic, 'planned'))).toEqual({
      count: 1,
      total: 2,
      laneCounts: { strategic: 1, tactical: 0, unclassified: 0 },
    });
  });

  it('a further page of a closed column carries the same counts as the board', async () => {
    const page = ok<BoardColumn>(await marketer.get('/api/board/columns/done?q=flyer'));
    expect(counts(page)).toEqual({ count: 1, total: 1, laneCounts: { strategic: 0, tactical: 1, unclassified: 0 } });
    const none = ok<BoardColumn>(await marketer.get('/api/board/columns/done?q=banner'));
    expect(counts(none)).toEqual({ count: 0, total: 1, laneCounts: { strategic: 0, tactical: 0, unclassified: 0 } });
  });
});
