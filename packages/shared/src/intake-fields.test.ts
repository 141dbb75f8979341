import { describe, expect, it } from 'vitest';
import { answersSchema, checkAnswers, IntakeField, IntakeFields, keyFromLabel, withoutBlankAnswers } from './intake-fields';

const q = (field: Record<string, unknown>) => IntakeField.parse({ key: 'q', label: 'Q', ...field });
const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.'));

describe('answersSchema: one rule per kind of question', () => {
  it.each([
    ['text', {}, 'Lisbon Summit', 'Lisbon\nSummit'],
    ['long_text', {}, 'Two roll-ups,\none backdrop', 42],
    ['choice', { options: ['Roll-up', 'Backdrop'] }, 'Backdrop', 'Flyer'],
    ['date', {}, '2027-03-18', '18/03/2027'],
    ['date', {}, '2099-12-31', '2100-01-01'],
    ['number', {}, 450, '450'],
    ['number', {}, -3.5, Number.POSITIVE_INFINITY],
    ['link', {}, 'https://example.com/a?b=1', 'javascript:alert(1)'],
    ['link', {}, 'http://intranet/brand', 'example.com'],
    ['checkbox', {}, false, 'yes'],
  ])('%s: accepts %j, refuses the wrong one', (kind, extra, good, bad) => {
    const schema = answersSchema([q({ kind, ...extra })]);
    expect(schema.safeParse({ q: good }).success).toBe(true);
    expect(pathsOf(schema.safeParse({ q: bad }))).toEqual(['q']);
  });

  it('an optional question may be left out; a required one may not', () => {
    expect(answersSchema([q({ kind: 'number' })]).parse({})).toEqual({});
    expect(answersSchema([q({ kind: 'number', required: true })]).safeParse({}).error?.issues[0]?.message).toBe('is required');
  });

  it('a required checkbox must be checked', () => {
    const schema = answersSchema([q({ kind: 'checkbox', required: true })]);
    expect(schema.safeParse({ q: true }).success).toBe(true);
    expect(schema.safeParse({ q: false }).error?.issues[0]?.message).toBe('must be checked');
  });

  it('refuses keys that are not questions, and a type without questions takes none', () => {
    const result = answersSchema([]).safeParse({ budget: 'EUR 2,000' });
    expect(result.success).toBe(false);
    expect(answersSchema([]).parse({})).toEqual({});
  });
});

describe('checkAnswers: what the API answers with', () => {
  const fields = IntakeFields.parse([
    { key: 'event_name', label: 'Event name', kind: 'text', required: true },
    { key: 'notes', label: 'Notes', kind: 'long_text' },
  ]);

  it('drops blank optional answers before checking, and trims what it keeps', () => {
    expect(checkAnswers(fields, { event_name: '  Summit ', notes: ' \n ' })).toEqual({ ok: true, answers: { event_name: 'Summit' } });
  });

  it('names each problem fields.<key>, unknown keys one by one', () => {
    expect(checkAnswers(fields, { event_name: '', budget: 1, owner: 'x' })).toEqual({
      ok: false,
      problems: [
        { path: 'fields.event_name', message: 'is required' },
        { path: 'fields.budget', message: 'is not a question of this type' },
        { path: 'fields.owner', message: 'is not a question of this type' },
      ],
    });
  });

  it('withoutBlankAnswers keeps blank values of unknown keys, so they are still refused', () => {
    expect(withoutBlankAnswers(fields, { notes: '', other: '' })).toEqual({ other: '' });
  });
});

describe('IntakeFields: the questions a lead defines', () => {
  it('a choice needs distinct options; other kinds take none', () => {
    expect(pathsOf(IntakeFields.safeParse([{ key: 'a', label: 'A', kind: 'choice' }]))).toEqual(['0.options']);
    expect(pathsOf(IntakeFields.safeParse([{ key: 'a', label: 'A', kind: 'choice', options: ['x', 'x'] }]))).toEqual(['0.options']);
    expect(pathsOf(IntakeFields.safeParse([{ key: 'a', label: 'A', kind: 'date', options: ['x'] }]))).toEqual(['0.options']);
  });

  it('keys are unique within a type', () => {
    const twice = [
      { key: 'a', label: 'A', kind: 'text' },
      { key: 'a', label: 'B', kind: 'text' },
    ];
    expect(pathsOf(IntakeFields.safeParse(twice))).toEqual(['1.key']);
  });
});

describe('keyFromLabel', () => {
  it.each([
    ['Event date', [], 'event_date'],
    ['Brand guidelines read?', [], 'brand_guidelines_read'],
    ['Événement № 2', [], 'evenement_no_2'],
    ['2nd speaker', [], 'nd_speaker'],
    ['日付', [], 'question'],
    ['Event date', ['event_date'], 'event_date_2'],
    ['Event date', ['event_date', 'event_date_2'], 'event_date_3'],
  ])('%s (taken %j) → %s', (label, taken, key) => {
    expect(keyFromLabel(label, taken)).toBe(key);
  });

  it('is always a valid key, at most 40 characters', () => {
    const key = keyFromLabel('A very long label that goes on and on about the event and its venue', []);
    expect(key.length).toBeLessThanOrEqual(40);
    expect(IntakeField.safeParse({ key, label: 'x', kind: 'text' }).success).toBe(true);
  });
});
