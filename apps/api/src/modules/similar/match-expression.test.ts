import { describe, expect, it } from 'vitest';
import { matchExpression, matchExpressions, matchWords, maxMatchWords } from './match-expression';

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

  it('gives the same words AND-joined for the requests sharing all of them', () => {
    expect(matchExpressions('Roll-up banners Lisb')).toEqual({
      any: '"roll" OR "up" OR "banners" OR "lisb"*',
      all: '"roll" "up" "banners" "lisb"*',
    });
    expect(matchExpressions('poster')).toEqual({ any: '"poster"*', all: '"poster"*' });
    expect(matchExpressions('the of')).toBeNull();
  });

  it('leaves numbers out while other words are left, and then no word is a prefix unless typed last', () => {
    expect(matchExpressions('Case study for the Lisbon summit 20')).toEqual({
      any: '"case" OR "study" OR "lisbon" OR "summit"',
      all: '"case" "study" "lisbon" "summit"',
    });
    expect(matchWords('Top 10 tips 2027 webin')).toEqual(['top', 'tips', 'webin']);
    expect(matchExpression('Top 10 tips 2027 webin')).toBe('"top" OR "tips" OR "webin"*');
    // Numbers alone are all there is to go on.
    expect(matchExpression('2027 12')).toBe('"2027" OR "12"*');
    // Words mixing letters and digits are words.
    expect(matchExpression('Q3 launch')).toBe('"q3" OR "launch"*');
  });
});
