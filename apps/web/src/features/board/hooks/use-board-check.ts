import { useEffect, useState } from 'react';
import { ZodError } from 'zod';
import type { Board } from '@altitude/shared/requests';
import { checkBoardShell, parseBoard } from '../api/parse-board';

/** Boards read from the API and not checked yet (get-board.ts adds them; the check takes them off). */
const unchecked = new WeakSet<object>();

/**
 * A board read from the API, its shape checked now (checkBoardShell: what drawing it needs) and
 * the rest marked for the board page to check once it is up. Throws when the shape is wrong.
 */
export function checkAfterRender(data: unknown): Board {
  checkBoardShell(data);
  unchecked.add(data as object);
  return data as Board;
}

/**
 * Checks each board read from the API against the contract's `Board` (parse-board.ts, in slices)
 * once the page has drawn it (`drawn`), not before: the check of a 1,000-card board was about
 * 35 ms of the main thread between the answer and the first card, more on a busy machine. A board
 * that fails stays failed, its error returned, until a later read passes; boards patched from
 * live updates (new objects built from a checked one) were not read from the API and are not
 * checked again.
 */
export function useBoardCheck(board: Board | undefined, drawn: boolean): Error | null {
  const [failed, setFailed] = useState<Error | null>(null);
  useEffect(() => {
    if (!board || !drawn || !unchecked.has(board)) return;
    // A verdict counts only while this board is still the page's (a newer one's check follows).
    let current = true;
    parseBoard(board).then(
      () => {
        unchecked.delete(board);
        if (current) setFailed(null);
      },
      (err: unknown) => {
        unchecked.delete(board);
        if (current) setFailed(unreadable(err));
      },
    );
    return () => {
      current = false;
    };
  }, [board, drawn]);
  return failed;
}

/** The check's failure in words a person can act on, naming the first field that did not match. */
function unreadable(err: unknown): Error {
  const where = err instanceof ZodError && err.issues[0] ? ` (${err.issues[0].path.join('.')})` : '';
  return new Error(
    `The board could not be shown: the server's answer did not match what this page expects${where}. Reload the page; if it happens again, tell whoever runs Altitude.`,
    { cause: err },
  );
}
