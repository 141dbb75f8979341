import { describe, expect, it } from 'vitest';
import type { Board, BoardColumn, Card } from '@altitude/shared/requests';
import { withCard } from './board-patch';

// Only the fields withCard reads matter; the rest of a card is carried as is.
const card = (id: number, status: Card['status'], classification: Card['classification'], suggested = false) =>
  ({ id, status, classification, classificationSuggested: suggested, version: 1 }) as Card;
const column = (status: BoardColumn['status'], cards: Card[], laneCounts: BoardColumn['laneCounts']) =>
  ({ status, cards, count: cards.length, total: cards.length, laneCounts }) as BoardColumn;

describe('withCard (a live event on an unfiltered board)', () => {
  const board: Board = {
    columns: [
      column('intake', [card(1, 'intake', 'tactical', true), card(2, 'intake', 'strategic')], {
        strategic: 1,
        tactical: 0,
        unclassified: 1,
      }),
      column('planned', [card(3, 'planned', 'tactical')], { strategic: 0, tactical: 1, unclassified: 0 }),
    ],
  };

  it('a new card raises its column header, WIP total and lane count', () => {
    const next = withCard(board, card(9, 'intake', 'strategic'));
    const intake = next.columns[0]!;
    expect(intake.cards.map((c) => c.id)).toEqual([1, 2, 9]);
    expect([intake.count, intake.total]).toEqual([3, 3]);
    expect(intake.laneCounts).toEqual({ strategic: 2, tactical: 0, unclassified: 1 });
    expect(next.columns[1]).toEqual(board.columns[1]);
  });

  it('a card confirmed and moved leaves its old lane and column and joins the new ones', () => {
    const next = withCard(board, { ...card(1, 'planned', 'tactical'), version: 2 });
    const [intake, planned] = next.columns as [BoardColumn, BoardColumn];
    expect(intake.cards.map((c) => c.id)).toEqual([2]);
    expect([intake.count, intake.total]).toEqual([1, 1]);
    expect(intake.laneCounts).toEqual({ strategic: 1, tactical: 0, unclassified: 0 });
    expect(planned.cards.map((c) => c.id)).toEqual([3, 1]);
    expect([planned.count, planned.total]).toEqual([2, 2]);
    expect(planned.laneCounts).toEqual({ strategic: 0, tactical: 2, unclassified: 0 });
  });

  it('a card reclassified in place changes lanes, not the column count', () => {
    const next = withCard(board, { ...card(2, 'intake', 'tactical'), version: 2 });
    const intake = next.columns[0]!;
    expect([intake.count, intake.total]).toEqual([2, 2]);
    expect(intake.laneCounts).toEqual({ strategic: 0, tactical: 1, unclassified: 1 });
  });
});
