/** What public/board-early.js left: a read started before the app's code ran. */
interface Early {
  url: string;
  at: number;
  response: Promise<Response | null>;
}

/**
 * Set once this browser's person has read the board: public/board-early.js starts its read only
 * then, so a signed-out visitor or a requester (who has no board) never sends one that would
 * answer 401/403. Any sign-in or sign-out, a signed-out page load and a refused early read forget
 * it; the next board read that succeeds sets it again. A session that expires unseen costs one 401.
 */
export const boardReaderKey = 'altitude.boardReader';

export function rememberBoardReader() {
  try {
    localStorage.setItem(boardReaderKey, '1');
  } catch {
    // No storage (private mode, tests in Node): the board is read the usual way.
  }
}

export function forgetBoardReader() {
  try {
    localStorage.removeItem(boardReaderKey);
  } catch {
    // As above.
  }
}

/** An early answer older than this is not used: live updates only cover what happens after the app starts. */
const maxAgeMs = 10_000;

/**
 * The response of the early read of `url`, taken once: the first read of any URL takes it off the
 * page (so a later read never sees it), and gets it only when the URL is the same, it is fresh
 * and it is a 200. Null otherwise: the caller fetches as usual (which also handles a 401).
 */
export async function takeEarly(url: string): Promise<Response | null> {
  const w = window as unknown as { __altitudeEarly?: Early };
  const early = w.__altitudeEarly;
  if (!early) return null;
  delete w.__altitudeEarly;
  if (early.url !== url || Date.now() - early.at > maxAgeMs) return null;
  const res = await early.response;
  if (res && res.status === 200) return res;
  forgetBoardReader();
  return null;
}
