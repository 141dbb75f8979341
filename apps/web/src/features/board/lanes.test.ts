import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Card } from '@altitude/shared/requests';
import { inDisplayOrder, laneOf } from './lanes';

const card = (id: number, classification: Card['classification'], classificationSuggested: boolean, position = 'a0') =>
  ({ id, classification, classificationSuggested, position, completedAt: null }) as unknown as Card;

describe('laneOf', () => {
  it('puts a card in its confirmed class, and a suggested or missing class in unclassified', () => {
    expect(laneOf(card(1, 'strategic', false))).toBe('strategic');
    expect(laneOf(card(2, 'tactical', false))).toBe('tactical');
    expect(laneOf(card(3, 'strategic', true))).toBe('unclassified');
    expect(laneOf(card(4, 'tactical', true))).toBe('unclassified');
    expect(laneOf(card(5, null, false))).toBe('unclassified');
    expect(laneOf(card(6, null, true))).toBe('unclassified');
  });

  it('orders a column strategic, then tactical, then unclassified, each by position', () => {
    const cards = [
      card(1, 'tactical', true, 'a0'),
      card(2, 'tactical', false, 'a2'),
      card(3, 'strategic', false, 'a5'),
      card(4, 'tactical', false, 'a1'),
    ];
    expect(inDisplayOrder(cards).map((c) => c.id)).toEqual([3, 4, 2, 1]);
  });
});

describe('inDisplayOrder against a plain stable sort', () => {
  // The oracle: one stable sort by lane rank, then by position (or latest completed first).
  const rankOf = { strategic: 0, tactical: 1, unclassified: 2 } as const;
  const oracle = (cards: Card[], byCompletion: boolean) =>
    [...cards].sort((a, b) => {
      const lane = rankOf[laneOf(a)] - rankOf[laneOf(b)];
      if (lane !== 0) return lane;
      if (byCompletion) return (b.completedAt ?? '') < (a.completedAt ?? '') ? -1 : (b.completedAt ?? '') > (a.completedAt ?? '') ? 1 : 0;
      return a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
    });
  const arbCard = fc.record({
    classification: fc.constantFrom('strategic', 'tactical', null),
    classificationSuggested: fc.boolean(),
    // Few distinct values, so ties (kept in the given order) are common.
    position: fc.constantFrom('a0', 'a1', 'a1V', 'a2', 'b0', 'Zz'),
    completedAt: fc.constantFrom(null, '2026-11-30T09:00:00.000Z', '2026-12-01T17:30:00.000Z', '2026-12-01T08:00:00.000Z'),
  });

  it('gives the same order, ties kept as given, sorted input or not, by position or by completion', () => {
    fc.assert(
      fc.property(fc.array(arbCard, { maxLength: 40 }), fc.boolean(), fc.boolean(), (shapes, presorted, byCompletion) => {
        const cards = shapes.map((s, id) => ({ id, ...s }) as unknown as Card);
        // The server's order: by position (open columns) or latest completed first (closed ones).
        const given = presorted ? oracle(cards, byCompletion) : cards;
        expect(inDisplayOrder(given, byCompletion).map((c) => c.id)).toEqual(oracle(given, byCompletion).map((c) => c.id));
      }),
      { numRuns: 500 },
    );
  });

  it('does not change the list it is given', () => {
    const cards = [card(1, 'tactical', false, 'b0'), card(2, 'strategic', false, 'a0')];
    inDisplayOrder(cards);
    expect(cards.map((c) => c.id)).toEqual([1, 2]);
  });
});
