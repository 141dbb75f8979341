import { describe, expect, it } from 'vitest';
import { plural } from './format';

describe('plural', () => {
  it.each([
    [1, 'card', '1 card'],
    [0, 'card', '0 cards'],
    [2, 'card', '2 cards'],
    [999, 'card', '999 cards'],
    [1, 'entry', '1 entry'],
    [3, 'entry', '3 entries'],
    [1, 'person', '1 person'],
    [7, 'person', '7 people'],
    [1, 'day', '1 day'],
    [1.5, 'day', '1.5 days'],
    [-1, 'day', '-1 days'],
    [1200, 'request', '1,200 requests'],
  ])('%s %s → %s', (n, noun, expected) => {
    expect(plural(n, noun)).toBe(expected);
  });

  it('takes an explicit plural for other irregular nouns', () => {
    expect(plural(2, 'analysis', 'analyses')).toBe('2 analyses');
    expect(plural(1, 'analysis', 'analyses')).toBe('1 analysis');
  });
});
