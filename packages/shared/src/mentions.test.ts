import { describe, expect, it } from 'vitest';
import { handleOf, mentionedHandles } from './mentions';

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
});
