/** What public/board-early.js left: a read started before the app's code ran. */
interface Early {
  url: string;
  at: number;
  response: Promise<Response | null>;
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
  return res && res.status === 200 ? res : null;
}
