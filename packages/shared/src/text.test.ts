import { describe, expect, it } from 'vitest';
import { CreateCommentBody } from './activity';
import { CreateRequestTypeBody, InviteUserBody, UpdateUserBody } from './directory';
import { ClassificationBody, CreateRequestBody, MoveRequestBody } from './requests';
import { longText, singleLine } from './text';

const issueOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('singleLine: a title or a name', () => {
  const line = singleLine(20);
  it.each([
    ['surrounding blanks are trimmed', '  Roll-up banner \t', 'Roll-up banner'],
    ['decomposed é becomes the composed one (NFC)', 'Cafe\u0301', 'Caf\u00e9'],
    ['right-to-left text with its marks stays', '\u05e9\u05dc\u05d5\u05dd \u200f!', '\u05e9\u05dc\u05d5\u05dd \u200f!'],
    ['an emoji family (zero-width joiners) stays', '👩‍👩‍👧 team', '👩‍👩‍👧 team'],
    ['length counts after trimming', `   ${'x'.repeat(20)}   `, 'x'.repeat(20)],
  ])('%s', (_, input, stored) => {
    expect(line.parse(input)).toBe(stored);
  });

  it.each([
    ['empty', '', 'must not be blank'],
    ['only spaces', '   ', 'must not be blank'],
    ['only a no-break space and an ideographic space', '\u00a0\u3000', 'must not be blank'],
    ['only zero-width characters', '\u200b\u200d\ufeff', 'must not be blank'],
    ['a NUL byte', 'a\u0000b', 'must not contain control characters'],
    ['a tab inside', 'a\tb', 'must not contain control characters'],
    ['an escape', 'a\u001b[31mb', 'must not contain control characters'],
    ['a C1 control', 'a\u0085b', 'must not contain control characters'],
    ['DEL', 'a\u007fb', 'must not contain control characters'],
    ['a line break', 'a\nb', 'must be a single line'],
    ['a carriage return', 'a\rb', 'must be a single line'],
    ['a line separator', 'a\u2028b', 'must be a single line'],
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'must not contain bidirectional override or isolate characters'],
    ['a left-to-right embedding', '\u202Aabc', 'must not contain bidirectional override or isolate characters'],
    ['a first-strong isolate', 'a\u2068b\u2069', 'must not contain bidirectional override or isolate characters'],
    ['only an override', '\u202E', 'must not contain bidirectional override or isolate characters'],
    ['a lone high surrogate', 'a\ud800b', 'must be valid text (it holds a broken character)'],
    ['a lone low surrogate', '\udfffb', 'must be valid text (it holds a broken character)'],
    ['one character too long', 'x'.repeat(21), 'must be at most 20 characters'],
  ])('refuses %s', (_, input, message) => {
    expect(issueOf(line.safeParse(input))).toContainEqual({ path: '', message });
  });

  it('refuses what is not a string, and says a missing one is required', () => {
    expect(issueOf(line.safeParse(42))).toEqual([{ path: '', message: 'must be text' }]);
    expect(issueOf(line.safeParse(null))).toEqual([{ path: '', message: 'must be text' }]);
    expect(issueOf(CreateRequestBody.safeParse({ typeId: 1 }))).toEqual([{ path: 'title', message: 'is required' }]);
  });
});

describe('longText: a brief, a comment, a note', () => {
  const optional = longText(50);
  const required = longText(50, { required: true });
  it.each([
    ['keeps line breaks and tabs, Windows breaks become \\n', 'Line 1\r\n\tLine 2\rLine 3', 'Line 1\n\tLine 2\nLine 3'],
    ['trims blank lines around', '\n\n  Body  \n\n', 'Body'],
    ['NFC', 'n\u0303', '\u00f1'],
  ])('%s', (_, input, stored) => {
    expect(optional.parse(input)).toBe(stored);
    expect(required.parse(input)).toBe(stored);
  });

  it('an optional text that shows nothing is stored empty; a required one is refused', () => {
    for (const input of ['', '   ', '\n\t\n', '\u200b']) {
      expect(optional.parse(input)).toBe('');
      expect(issueOf(required.safeParse(input))).toContainEqual({ path: '', message: 'must not be blank' });
    }
  });

  it.each([
    ['a NUL byte', 'a\u0000b', 'must not contain control characters'],
    ['a vertical tab', 'a\u000bb', 'must not contain control characters'],
    ['a form feed', 'a\u000cb', 'must not contain control characters'],
    ['an escape', '\u001b]8;;http://evil\u0007x', 'must not contain control characters'],
    ['a pop-directional-formatting', 'a\u202Cb', 'must not contain bidirectional override or isolate characters'],
    ['a right-to-left isolate', 'a\u2067b', 'must not contain bidirectional override or isolate characters'],
    ['a lone surrogate', '\ud83d', 'must be valid text (it holds a broken character)'],
  ])('refuses %s, optional or not', (_, input, message) => {
    expect(issueOf(optional.safeParse(input))).toContainEqual({ path: '', message });
    expect(issueOf(required.safeParse(input))).toContainEqual({ path: '', message });
  });
});

describe('every text a person reads goes through the rules', () => {
  // One hostile value per field, each field named in the error path.
  it.each([
    ['request title', CreateRequestBody, { title: '   ', typeId: 1 }, 'title', 'must not be blank'],
    ['request brief', CreateRequestBody, { title: 'ok', typeId: 1, brief: 'a\u0000' }, 'brief', 'must not contain control characters'],
    [
      'business goal',
      CreateRequestBody,
      { title: 'ok', typeId: 1, businessGoal: '\u202Egoal' },
      'businessGoal',
      'must not contain bidirectional override or isolate characters',
    ],
    [
      'audience',
      CreateRequestBody,
      { title: 'ok', typeId: 1, audience: 'x\u2066' },
      'audience',
      'must not contain bidirectional override or isolate characters',
    ],
    ['decline note', MoveRequestBody, { status: 'declined', version: 1, note: 'no\u0000' }, 'note', 'must not contain control characters'],
    [
      'classification note',
      ClassificationBody,
      { classification: 'tactical', version: 1, note: '\u202Enote' },
      'note',
      'must not contain bidirectional override or isolate characters',
    ],
    ['comment', CreateCommentBody, { body: '\u200b \n' }, 'body', 'must not be blank'],
    [
      'user name',
      InviteUserBody,
      { email: 'a@example.com', name: '\u3000', role: 'marketer', departmentId: 1, password: 'x' },
      'name',
      'must not be blank',
    ],
    ['user rename', UpdateUserBody, { name: 'Ann\u202E' }, 'name', 'must not contain bidirectional override or isolate characters'],
    [
      'request type description',
      CreateRequestTypeBody,
      { name: 'Deck', turnaroundDays: 3, defaultClassification: 'tactical', description: '\u0007' },
      'description',
      'must not contain control characters',
    ],
  ])('%s', (_, schema, body, path, message) => {
    expect(issueOf(schema.safeParse(body))).toContainEqual({ path, message });
  });

  it('a classification without its version is refused, naming version', () => {
    expect(issueOf(ClassificationBody.safeParse({ classification: 'tactical' }))?.map((i) => i.path)).toEqual(['version']);
  });
});
