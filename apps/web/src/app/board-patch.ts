import { reportClassOf } from '@altitude/shared/domain';
import type { Board, BoardColumn, Card } from '@altitude/shared/requests';

/** One card more (1) or fewer (-1) in a column: its header, WIP total and the card's lane count move together. */
const shift = (col: BoardColumn, card: Card, by: 1 | -1): BoardColumn => {
  const lane = reportClassOf(card);
  return { ...col, count: col.count + by, total: col.total + by, laneCounts: { ...col.laneCounts, [lane]: col.laneCounts[lane] + by } };
};

/**
 * An unfiltered board with `card` as a live event reports it: out of the column (and lane) it was
 * in, into the one it is in now, with every count agreeing with the cards shown.
 */
export function withCard(board: Board, card: Card): Board {
  return {
    ...board,
    columns: board.columns.map((col) => {
      const was = col.cards.find((c) => c.id === card.id);
      let next = was ? shift({ ...col, cards: col.cards.filter((c) => c !== was) }, was, -1) : col;
      if (col.status === card.status) next = shift({ ...next, cards: [...next.cards, card] }, card, 1);
      return next;
    }),
  };
}
