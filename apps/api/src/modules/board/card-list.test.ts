import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateKeyBetween } from 'fractional-indexing';
import { CardList, type CardEntry } from './card-list';

const entry = (id: number, position: string): CardEntry => ({ id, position, json: JSON.stringify({ id, position }) });
const text = (list: CardList) => Buffer.concat(list.parts()).toString();
const expected = (cards: CardEntry[]) =>
  [...cards]
    .sort((a, b) => (a.position < b.position ? -1 : 1))
    .map((c) => c.json)
    .join(',');

describe('a chunked card list', () => {
  it('serialises exactly like the sorted cards joined, through any mix of inserts and removals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.tuple(fc.nat(7), fc.nat(), fc.nat()), { minLength: 250, maxLength: 500 }),
        (initial, steps) => {
          let key: string | null = null;
          const cards: CardEntry[] = [];
          for (let id = 1; id <= initial; id++) cards.push(entry(id, (key = generateKeyBetween(key, null))));
          const list = new CardList([...cards]);
          let nextId = initial + 1;
          // Seven steps in eight insert, so chunks grow past their split size.
          for (const [dice, a, b] of steps) {
            const insert = dice > 0;
            const sorted = [...cards].sort((x, y) => (x.position < y.position ? -1 : 1));
            if (insert || sorted.length === 0) {
              // Between two neighbours chosen at random, as a drop does.
              const i = sorted.length ? a % (sorted.length + 1) : 0;
              const card = entry(nextId++, generateKeyBetween(sorted[i - 1]?.position ?? null, sorted[i]?.position ?? null));
              cards.push(card);
              list.insert(card);
            } else {
              const gone = new Set([sorted[a % sorted.length]!.id, sorted[b % sorted.length]!.id]);
              expect(list.removeAll(gone).sort()).toEqual([...gone].sort());
              cards.splice(0, cards.length, ...cards.filter((c) => !gone.has(c.id)));
            }
            expect(list.length).toBe(cards.length);
          }
          expect(text(list)).toBe(expected(cards));
        },
      ),
      { numRuns: 60 },
    );
  });
});
