/**
 * How much of a column the phone board draws. It draws one batch at first and one more at each
 * "Show more". The drawn part is held by the last card drawn, not by a count alone. The board
 * is live: a card filed or moved in above the last drawn card would otherwise push that card out
 * of the list, together with an open "Move to…" menu.
 */
export interface Drawn {
  /** At least this many cards are drawn. */
  count: number;
  /** The last card drawn so far; everything down to it stays drawn while it is in the column. */
  through: number | null;
}

export const firstDrawn = (batch: number): Drawn => ({ count: batch, through: null });

/** How many of `cards` (in display order) to draw. */
export function drawnLimit(cards: readonly { id: number }[], drawn: Drawn): number {
  const at = drawn.through === null ? -1 : cards.findIndex((c) => c.id === drawn.through);
  return Math.max(drawn.count, at + 1);
}

/**
 * What to remember after drawing `limit` of `cards`. Returns `drawn` itself when nothing changed,
 * so a caller that stores it while rendering settles after one pass.
 */
export function settle(cards: readonly { id: number }[], drawn: Drawn, limit: number): Drawn {
  const last = cards[Math.min(limit, cards.length) - 1]?.id ?? null;
  return last === drawn.through && limit === drawn.count ? drawn : { count: limit, through: last };
}

/** "Show more": one batch beyond what is drawn now. */
export const more = (limit: number, batch: number): Drawn => ({ count: limit + batch, through: null });
