import { describe, expect, it } from 'vitest';
import { matchExpression, matchWords, maxMatchWords } from './match-expression';

describe('the FTS5 MATCH expression of what was typed', () => {
  it('quotes each word, OR-joins them and makes the last a prefix', () => {
    expect(matchExpression('Roll-up banners Lisb')).toBe('"roll" OR "up" OR "banners" OR "lisb"*');
  });

  it('drops one-letter words, stop words and FTS syntax; nothing usable is null', () => {
    expect(matchExpression('a "NEAR(x y)" -b c* ^d')).toBe('"near"*');
    expect(matchExpression('the and of')).toBeNull();
    expect(matchExpression('"*()-:^+')).toBeNull();
    expect(matchExpression('')).toBeNull();
  });

  it('keeps letters of any script and folds case', () => {
    expect(matchWords('Café ÜBER 日本語 שלום')).toEqual(['café', 'über', '日本語', 'שלום']);
  });

  it('takes each word once, at most a dozen, the last typed always last', () => {
    expect(matchWords('poster banner poster')).toEqual(['banner', 'poster']);
    const many = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    const words = matchWords(many);
    expect(words).toHaveLength(maxMatchWords);
    expect(words.at(-1)).toBe('w29');
    expect(words[0]).toBe('w0');
  });
});
