import { describe, expect, it } from 'vitest';
import { nextCardId } from './keyboard-nav';

// Four columns: [1, 2, 3], [] (empty), [4], [5, 6].
const columns = [{ cards: [{ id: 1 }, { id: 2 }, { id: 3 }] }, { cards: [] }, { cards: [{ id: 4 }] }, { cards: [{ id: 5 }, { id: 6 }] }];

describe('moving focus between board cards with the keyboard', () => {
  it('↑ and ↓ walk the column, stopping at its ends; Home and End jump to them', () => {
    expect(nextCardId(columns, 2, 'ArrowDown')).toBe(3);
    expect(nextCardId(columns, 3, 'ArrowDown')).toBe(3);
    expect(nextCardId(columns, 2, 'ArrowUp')).toBe(1);
    expect(nextCardId(columns, 1, 'ArrowUp')).toBe(1);
    expect(nextCardId(columns, 2, 'Home')).toBe(1);
    expect(nextCardId(columns, 1, 'End')).toBe(3);
  });

  it('← and → reach the next column with cards at the same index, clamped to its length', () => {
    // From the third card of the first column: the empty column is skipped, index 2 clamps to 0.
    expect(nextCardId(columns, 3, 'ArrowRight')).toBe(4);
    expect(nextCardId(columns, 4, 'ArrowLeft')).toBe(1);
    expect(nextCardId(columns, 2, 'ArrowRight')).toBe(4);
    expect(nextCardId(columns, 4, 'ArrowRight')).toBe(5);
    expect(nextCardId(columns, 6, 'ArrowLeft')).toBe(4);
    // At the board's edges focus stays put.
    expect(nextCardId(columns, 1, 'ArrowLeft')).toBe(1);
    expect(nextCardId(columns, 6, 'ArrowRight')).toBe(6);
  });

  it('answers null for a card that is not on the board', () => {
    expect(nextCardId(columns, 99, 'ArrowDown')).toBeNull();
  });
});
