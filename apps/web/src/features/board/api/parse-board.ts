import { z } from 'zod';
import { Board, BoardColumn, Card } from '@altitude/shared/requests';

/** A column with its cards left unchecked: they are checked one by one after. */
const ColumnShell = BoardColumn.extend({ cards: z.array(z.unknown()) });
const BoardShell = z.object({ columns: z.array(ColumnShell) });

/** How long one slice of checking may hold the main thread before it yields (ms). */
const sliceMs = 8;

/** Lets the browser run what waits (input, a frame, other tasks) before the next slice. */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The board's JSON checked against `Board`, as `Board.parse` does, but in slices of a few
 * milliseconds with the browser let in between: checking a 1,000-card board in one go held the
 * main thread in one long task while the board's first load waited on it. The columns' own
 * fields first, then each card with `Card`; the answer is the same objects `Board.parse` gives
 * (unknown keys dropped). Bad data rejects with `Board.parse`'s own error (its paths whole).
 */
export async function parseBoard(data: unknown, slice = sliceMs): Promise<Board> {
  const shell = BoardShell.safeParse(data);
  if (!shell.success) return Board.parse(data);
  const columns: Board['columns'] = [];
  let started = performance.now();
  for (const column of shell.data.columns) {
    const cards: Card[] = [];
    for (const raw of column.cards) {
      const card = Card.safeParse(raw);
      if (!card.success) return Board.parse(data);
      cards.push(card.data);
      if (performance.now() - started >= slice) {
        await yieldToBrowser();
        started = performance.now();
      }
    }
    columns.push({ ...column, cards });
  }
  return { columns };
}

/**
 * The board's shape without its cards' fields, at once: its columns with their own fields, and
 * each card an object. The page can draw that much without failing; `parseBoard` checks the rest
 * once it has (use-board-check.ts). Throws `Board.parse`'s own error when it is not so.
 */
export function checkBoardShell(data: unknown): void {
  const shell = BoardShell.safeParse(data);
  if (!shell.success || shell.data.columns.some((c) => c.cards.some((card) => typeof card !== 'object' || card === null)))
    Board.parse(data);
}
