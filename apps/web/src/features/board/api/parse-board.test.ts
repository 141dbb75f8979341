import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { checkBoardShell, parseBoard } from './parse-board';

/** A card as the API sends it, numbered `id`. */
const card = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  key: `MKT-${id}`,
  title: `Card ${id}`,
  typeId: 1,
  requesterId: 7,
  departmentId: 2,
  dueDate: null,
  priority: 'normal',
  status: 'intake',
  resolution: null,
  classification: null,
  classificationNote: null,
  classificationSuggested: true,
  assigneeId: null,
  estimateMinutes: null,
  plannedFor: null,
  expectedBy: '2026-12-10',
  slaState: 'on_track',
  waitingOn: null,
  rush: false,
  needsInfoRounds: 0,
  initiativeId: null,
  loggedMinutes: 30,
  position: `a${id}`,
  version: 1,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  completedAt: null,
  ...extra,
});

const column = (status: string, cards: unknown[]) => ({
  status,
  wipLimit: null,
  count: cards.length,
  total: cards.length,
  laneCounts: { strategic: 0, tactical: 0, unclassified: cards.length },
  cards,
  nextCursor: null,
});

describe('parseBoard', () => {
  it('gives the columns and cards as sent, without keys the contract does not name', async () => {
    const board = {
      columns: [column('intake', [card(1, { brief: 'long text', secret: 1 }), card(2)]), column('planned', [])],
      extra: true,
    };
    const parsed = await parseBoard(board);
    expect(parsed.columns.map((c) => c.status)).toEqual(['intake', 'planned']);
    expect(parsed.columns[0]!.cards.map((c) => c.key)).toEqual(['MKT-1', 'MKT-2']);
    expect(parsed.columns[0]!.cards[0]).toEqual(card(1));
    expect('brief' in parsed.columns[0]!.cards[0]!).toBe(false);
    expect(parsed.columns[0]!.laneCounts).toEqual({ strategic: 0, tactical: 0, unclassified: 2 });
    expect(parsed.columns[1]!.cards).toEqual([]);
    expect('extra' in parsed).toBe(false);
  });

  it('lets other work run between slices of cards', async () => {
    const board = {
      columns: [
        column(
          'intake',
          Array.from({ length: 50 }, (_, i) => card(i + 1)),
        ),
      ],
    };
    let ranMeanwhile = false;
    setTimeout(() => (ranMeanwhile = true), 0);
    // A slice of 0 ms yields after every card: the timer set before the check runs before it ends.
    const parsed = await parseBoard(board, 0);
    expect(ranMeanwhile).toBe(true);
    expect(parsed.columns[0]!.cards).toHaveLength(50);
  });

  it('rejects a bad card with the path of the whole board', async () => {
    const board = { columns: [column('intake', [card(1)]), column('planned', [card(2), card(3, { title: 42 })])] };
    const error = await parseBoard(board).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.path)).toEqual([['columns', 1, 'cards', 1, 'title']]);
  });

  it('rejects a bad column and a body that is not a board', async () => {
    const badColumn = { columns: [{ ...column('intake', []), status: 'nowhere' }] };
    expect(((await parseBoard(badColumn).catch((e: unknown) => e)) as ZodError).issues[0]!.path).toEqual(['columns', 0, 'status']);
    await expect(parseBoard(null)).rejects.toBeInstanceOf(ZodError);
  });
});

describe('checkBoardShell', () => {
  it('passes a board whose columns hold objects, leaving the cards’ own fields to parseBoard', () => {
    const board = { columns: [column('intake', [card(1), card(2, { title: 42 })]), column('planned', [])] };
    expect(() => checkBoardShell(board)).not.toThrow();
  });

  it('throws Board’s own error for a card that is not an object, a bad column, or no board at all', () => {
    const paths = (data: unknown) => {
      try {
        checkBoardShell(data);
      } catch (e) {
        return (e as ZodError).issues.map((i) => i.path);
      }
      return 'passed';
    };
    expect(paths({ columns: [column('intake', [card(1), null])] })).toEqual([['columns', 0, 'cards', 1]]);
    expect(paths({ columns: [column('intake', ['MKT-1'])] })).toEqual([['columns', 0, 'cards', 0]]);
    expect(paths({ columns: [{ ...column('intake', []), wipLimit: 'none' }] })).toEqual([['columns', 0, 'wipLimit']]);
    expect(paths({ cards: [] })).toEqual([['columns']]);
    expect(() => checkBoardShell(null)).toThrow(ZodError);
  });
});
