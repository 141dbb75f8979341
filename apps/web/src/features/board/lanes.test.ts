import { describe, expect, it } from 'vitest';
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
