import { describe, expect, it } from 'vitest';
import { handleOf, mentionedHandles, mentionParts, mentionQueryAt } from './mentions';

describe('mentions', () => {
  it('a handle is the lower-cased local part of the email', () => {
    expect(handleOf('Robin.Park@example.com')).toBe('robin.park');
  });
  it('finds handles at the start, after spaces and brackets, once each, without trailing punctuation', () => {
    expect(mentionedHandles('@cmo can you look? (@marketer) and @cmo again. Thanks @sales.')).toEqual(['cmo', 'marketer', 'sales']);
  });
  it('an email address is not a mention', () => {
    expect(mentionedHandles('write to cmo@example.com please')).toEqual([]);
  });
  it('a lone @ is not a mention', () => {
    expect(mentionedHandles('meet @ 3pm')).toEqual([]);
  });
  it('splits text into plain runs and mentions, leaving emails and trailing punctuation as text', () => {
    expect(mentionParts('Hi @Sales, see (@cmo.) or cmo@example.com')).toEqual([
      { text: 'Hi ' },
      { text: '@Sales', handle: 'sales' },
      { text: ', see (' },
      { text: '@cmo', handle: 'cmo' },
      { text: '.) or cmo@example.com' },
    ]);
    expect(mentionParts('@a')).toEqual([{ text: '@a', handle: 'a' }]);
    expect(mentionParts('no mentions')).toEqual([{ text: 'no mentions' }]);
  });
  it('finds the mention being typed before the caret, and only there', () => {
    expect(mentionQueryAt('thanks @sa', 10)).toEqual({ start: 7, query: 'sa' });
    expect(mentionQueryAt('@robin.p rest', 8)).toEqual({ start: 0, query: 'robin.p' });
    expect(mentionQueryAt('thanks @', 8)).toBeNull();
    expect(mentionQueryAt('mail cmo@exa', 12)).toBeNull();
    expect(mentionQueryAt('@sales done', 11)).toBeNull();
  });
});
