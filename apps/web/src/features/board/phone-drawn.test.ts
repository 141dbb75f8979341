import { describe, expect, it } from 'vitest';
import { drawnLimit, firstDrawn, more, settle, type Drawn } from './phone-drawn';

const column = (...ids: number[]) => ids.map((id) => ({ id }));
const range = (from: number, to: number) => column(...Array.from({ length: to - from + 1 }, (_, i) => from + i));

/** Draws as the phone board does: the limit, then what it remembers, until that settles. */
function draw(cards: { id: number }[], drawn: Drawn): { ids: number[]; drawn: Drawn } {
  for (let pass = 0; pass < 3; pass++) {
    const limit = drawnLimit(cards, drawn);
    const next = settle(cards, drawn, limit);
    if (next === drawn) return { ids: cards.slice(0, limit).map((c) => c.id), drawn };
    drawn = next;
  }
  throw new Error('the drawn part did not settle in two passes');
}

describe('how much of a column the phone board draws', () => {
  it('draws one batch at first and one more at each "Show more"', () => {
    const cards = range(1, 10);
    const first = draw(cards, firstDrawn(4));
    expect(first.ids).toEqual([1, 2, 3, 4]);
    const second = draw(cards, more(drawnLimit(cards, first.drawn), 4));
    expect(second.ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps every drawn card when cards arrive above them, so the last one (and its open menu) stays', () => {
    const { drawn } = draw(range(1, 10), firstDrawn(4));
    // Two cards filed into a lane above: 4 stays drawn, the list grows by two.
    expect(draw(column(11, 12, ...range(1, 10).map((c) => c.id)), drawn).ids).toEqual([11, 12, 1, 2, 3, 4]);
    // After "Show more" too.
    const cards = range(1, 10);
    const shown = draw(cards, more(drawnLimit(cards, drawn), 4)).drawn;
    expect(draw(column(20, ...cards.map((c) => c.id)), shown).ids).toEqual([20, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps at least the batch when cards leave above, drawing the next ones up', () => {
    const { drawn } = draw(range(1, 10), firstDrawn(4));
    expect(draw(column(3, 4, 5, 6, 7, 8, 9, 10), drawn).ids).toEqual([3, 4, 5, 6]);
  });

  it('falls back to what was drawn when the last drawn card leaves the column', () => {
    const grown = draw(column(11, 12, ...range(1, 10).map((c) => c.id)), draw(range(1, 10), firstDrawn(4)).drawn).drawn;
    // 4 was the last drawn (six were shown): without it six are still drawn.
    expect(draw(column(11, 12, 1, 2, 3, 5, 6, 7), grown).ids).toEqual([11, 12, 1, 2, 3, 5]);
  });

  it('draws cards appended below a short column up to the batch', () => {
    const { drawn } = draw(range(1, 2), firstDrawn(4));
    expect(draw(range(1, 6), drawn).ids).toEqual([1, 2, 3, 4]);
  });

  it('draws nothing of an empty column and settles', () => {
    expect(draw([], firstDrawn(4)).ids).toEqual([]);
  });
});
