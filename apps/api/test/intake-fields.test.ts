import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestType } from '@altitude/shared/directory';
import { checkAnswers } from '@altitude/shared/intake-fields';
import type { Request } from '@altitude/shared/requests';
import type { TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { classify, createDemoApp, getRequest, moveTo, ok, rowCounts, signInDemoAccounts, type DemoCallers } from './request-helpers';

/**
 * Intake questions (issue 12): a lead gives a request type the questions its form asks; filing
 * checks the answers against them (422 naming `fields.<key>`), stores them by key, and a
 * requester may correct them while the request is in intake.
 */
let t: TestApp;
let as: DemoCallers;
let bannerType: RequestType;
let plainTypeId: number;

/** One question of every kind; the required ones are a text, a choice and a checkbox. */
const questions = [
  { key: 'event_name', label: 'Event name', kind: 'text', required: true, help: 'As printed on the invitation.' },
  { key: 'notes', label: 'Anything else', kind: 'long_text', required: false },
  { key: 'sizes', label: 'Sizes', kind: 'choice', required: true, options: ['Roll-up 85×200', 'Backdrop 3×2 m'] },
  { key: 'event_date', label: 'Event date', kind: 'date', required: false },
  { key: 'attendees', label: 'Expected attendees', kind: 'number', required: false },
  { key: 'venue_page', label: 'Venue page', kind: 'link', required: false },
  { key: 'guidelines_read', label: 'I have read the brand guidelines', kind: 'checkbox', required: true },
];

const valid = { event_name: 'Lisbon Logistics Summit', sizes: 'Roll-up 85×200', guidelines_read: true };

beforeAll(async () => {
  t = await createDemoApp();
  as = await signInDemoAccounts(t);
  bannerType = ok<RequestType>(
    await as.cmo.post('/api/request-types', {
      name: 'Summit banner (intake test)',
      turnaroundDays: 5,
      defaultClassification: 'tactical',
      fields: questions,
    }),
    201,
  );
  plainTypeId = ok<RequestType>(
    await as.cmo.post('/api/request-types', { name: 'Plain ask (intake test)', turnaroundDays: 3, defaultClassification: 'tactical' }),
    201,
  ).id;
});
afterAll(() => t.app.close());

const file = (fields: unknown, typeId = bannerType.id) =>
  as.sales.post('/api/requests', { title: 'Banners for the summit', typeId, fields });

/** The 422's `errors`, path → message, after checking it is the answers' problem. */
async function answerErrors(res: Awaited<ReturnType<typeof file>>) {
  const body = expectProblem(res, 422);
  expect(body.code).toBe('request.invalid_fields');
  return Object.fromEntries((body.errors ?? []).map((e) => [e.path, e.message]));
}

describe('a request type with questions', () => {
  it('keeps its questions in order, with required defaulting to false', async () => {
    const listed = ok<{ items: RequestType[] }>(await as.sales.get('/api/request-types')).items.find((ty) => ty.id === bannerType.id)!;
    expect(listed.fields.map((f) => f.key)).toEqual([
      'event_name',
      'notes',
      'sizes',
      'event_date',
      'attendees',
      'venue_page',
      'guidelines_read',
    ]);
    const withoutRequired = ok<RequestType>(
      await as.cmo.post('/api/request-types', {
        name: 'Quick quote (intake test)',
        turnaroundDays: 2,
        defaultClassification: 'tactical',
        fields: [{ key: 'deal', label: 'Deal', kind: 'text' }],
      }),
      201,
    );
    expect(withoutRequired.fields).toEqual([{ key: 'deal', label: 'Deal', kind: 'text', required: false }]);
  });

  it.each([
    ['a key with capitals and spaces', [{ key: 'Event Name', label: 'Event name', kind: 'text' }], 'fields.0.key'],
    ['a choice without options', [{ key: 'size', label: 'Size', kind: 'choice' }], 'fields.0.options'],
    ['options on a text question', [{ key: 'size', label: 'Size', kind: 'text', options: ['A'] }], 'fields.0.options'],
    ['an unknown kind', [{ key: 'size', label: 'Size', kind: 'colour' }], 'fields.0.kind'],
    ['a blank label', [{ key: 'size', label: '   ', kind: 'text' }], 'fields.0.label'],
    [
      'two questions with one key',
      [
        { key: 'size', label: 'Size', kind: 'text' },
        { key: 'size', label: 'Size again', kind: 'text' },
      ],
      'fields.1.key',
    ],
  ])('refuses %s with a 400 naming %s', async (_, fields, path) => {
    const counts = rowCounts(t);
    for (const res of [
      await as.cmo.post('/api/request-types', { name: 'Broken type', turnaroundDays: 3, defaultClassification: 'tactical', fields }),
      await as.cmo.patch(`/api/request-types/${plainTypeId}`, { fields }),
    ]) {
      const body = expectProblem(res, 400);
      expect(body.errors?.map((e) => e.path)).toContain(path);
    }
    expect(rowCounts(t)).toEqual(counts);
  });
});

describe('filing with answers', () => {
  it('stores valid answers of every kind by key and returns them', async () => {
    const answers = {
      ...valid,
      notes: 'Two roll-ups for the stand,\none backdrop for the stage.',
      event_date: '2027-03-18',
      attendees: 450,
      venue_page: 'https://example.com/lisbon-summit?ref=altitude',
    };
    const filed = ok<Request>(await file(answers), 201);
    expect(filed.fields).toEqual(answers);
    expect((await getRequest(as.sales, filed.id)).fields).toEqual(answers);
    // Marketing reads the same answers.
    expect((await getRequest(as.marketer, filed.id)).fields).toEqual(answers);
  });

  it('trims text answers as every other text is', async () => {
    const filed = ok<Request>(await file({ ...valid, event_name: '  Lisbon Summit  ', venue_page: ' https://example.com/x ' }), 201);
    expect(filed.fields).toMatchObject({ event_name: 'Lisbon Summit', venue_page: 'https://example.com/x' });
  });

  it.each([
    ['event_name', 'a text over 500 characters', 'x'.repeat(501)],
    ['event_name', 'a text on two lines', 'Lisbon\nSummit'],
    ['notes', 'a long text that is not text', 42],
    ['sizes', 'a choice not among the options', 'A4 flyer'],
    ['event_date', 'a date that is not a calendar date', '2027-02-30'],
    ['event_date', 'a date outside 2000..2099', '2100-01-01'],
    ['attendees', 'a number sent as text', '450'],
    ['venue_page', 'a link without http(s)', 'javascript:alert(1)'],
    ['venue_page', 'a link that is no address', 'the venue site'],
    ['venue_page', 'an ftp link', 'ftp://example.com/file'],
    ['guidelines_read', 'a required checkbox left unchecked', false],
    ['guidelines_read', 'a checkbox sent as text', 'yes'],
  ])('refuses %s: %s, with a 422 naming fields.<key>, and files nothing', async (key, _, value) => {
    const counts = rowCounts(t);
    const errors = await answerErrors(await file({ ...valid, [key]: value }));
    expect(Object.keys(errors)).toEqual([`fields.${key}`]);
    expect(rowCounts(t)).toEqual(counts);
  });

  it('names every required question left out', async () => {
    const errors = await answerErrors(await file({}));
    expect(errors).toEqual({ 'fields.event_name': 'is required', 'fields.sizes': 'is required', 'fields.guidelines_read': 'is required' });
    // No `fields` at all is the same as none answered.
    const omitted = expectProblem(await as.sales.post('/api/requests', { title: 'Banners', typeId: bannerType.id }), 422);
    expect(omitted.errors?.map((e) => e.path).sort()).toEqual(['fields.event_name', 'fields.guidelines_read', 'fields.sizes']);
  });

  it('refuses a key that is not one of the questions, naming it', async () => {
    const errors = await answerErrors(await file({ ...valid, budget: 'EUR 2,000' }));
    expect(errors).toEqual({ 'fields.budget': 'is not a question of this type' });
  });

  it('drops blank answers to optional questions; a blank required one reads "is required"', async () => {
    const filed = ok<Request>(await file({ ...valid, notes: '  \n ', event_date: '', venue_page: ' ' }), 201);
    expect(filed.fields).toEqual(valid);
    const errors = await answerErrors(await file({ ...valid, event_name: '   ' }));
    expect(errors).toEqual({ 'fields.event_name': 'is required' });
  });

  it('refuses answers that are not keys and values at all with a 400', async () => {
    for (const fields of [['x'], 'x', { 'Not a key': 'x' }, { event_name: { nested: true } }]) {
      expectProblem(await file(fields), 400);
    }
  });

  it('a type without questions accepts no answers, and none', async () => {
    const filed = ok<Request>(await file(undefined, plainTypeId), 201);
    expect(filed.fields).toEqual({});
    expect(ok<Request>(await file({}, plainTypeId), 201).fields).toEqual({});
    expect(await answerErrors(await file({ event_name: 'x' }, plainTypeId))).toEqual({
      'fields.event_name': 'is not a question of this type',
    });
  });
});

describe('correcting answers', () => {
  it('the requester corrects the answers while in intake, checked the same way; the activity says so', async () => {
    const filed = ok<Request>(await file(valid), 201);
    const bad = expectProblem(
      await as.sales.patch(`/api/requests/${filed.id}`, { version: filed.version, fields: { ...valid, sizes: 'Billboard' } }),
      422,
    );
    expect(bad.errors?.map((e) => e.path)).toEqual(['fields.sizes']);
    const corrected = ok<Request>(
      await as.sales.patch(`/api/requests/${filed.id}`, {
        version: filed.version,
        fields: { ...valid, sizes: 'Backdrop 3×2 m', attendees: 120 },
      }),
    );
    expect(corrected.fields).toEqual({ ...valid, sizes: 'Backdrop 3×2 m', attendees: 120 });
    expect(corrected.version).toBe(filed.version + 1);
    const activity = ok<{ items: { field: string | null }[] }>(await as.sales.get(`/api/requests/${filed.id}/activity`)).items;
    expect(activity.filter((a) => a.field === 'fields')).toHaveLength(1);
    // The same answers again change nothing.
    const again = ok<Request>(await as.sales.patch(`/api/requests/${filed.id}`, { version: corrected.version, fields: corrected.fields }));
    expect(again.version).toBe(corrected.version);
  });

  it('once marketing works on it, the requester may no longer change the answers; a marketer may', async () => {
    const filed = ok<Request>(await file(valid), 201);
    await classify(as.marketer, filed.id, 'tactical');
    const moved = await moveTo(as.marketer, filed.id, 'planned');
    expectProblem(await as.sales.patch(`/api/requests/${filed.id}`, { version: moved.version, fields: { ...valid, attendees: 1 } }), 403);
    const byMarketer = ok<Request>(
      await as.marketer.patch(`/api/requests/${filed.id}`, { version: moved.version, fields: { ...valid, attendees: 1 } }),
    );
    expect(byMarketer.fields).toMatchObject({ attendees: 1 });
  });
});

describe('when a type changes its questions', () => {
  it('earlier requests keep their answers, even to questions since removed, and still read and edit', async () => {
    const type = ok<RequestType>(
      await as.cmo.post('/api/request-types', {
        name: 'Webinar (intake test)',
        turnaroundDays: 5,
        defaultClassification: 'strategic',
        fields: [
          { key: 'speaker', label: 'Speaker', kind: 'text', required: true },
          { key: 'platform', label: 'Platform', kind: 'choice', options: ['Zoom', 'Teams'] },
        ],
      }),
      201,
    );
    const filed = ok<Request>(
      await as.sales.post('/api/requests', {
        title: 'Webinar on customs rules',
        typeId: type.id,
        fields: { speaker: 'Ana Ruiz', platform: 'Teams' },
      }),
      201,
    );
    // The lead drops "platform", narrows nothing else, and adds a new required question.
    ok(
      await as.cmo.patch(`/api/request-types/${type.id}`, {
        fields: [
          { key: 'speaker', label: 'Speaker name', kind: 'text', required: true },
          { key: 'topic', label: 'Topic', kind: 'text', required: true },
        ],
      }),
    );
    const read = await getRequest(as.sales, filed.id);
    expect(read.fields).toEqual({ speaker: 'Ana Ruiz', platform: 'Teams' });
    // Other edits need no new answers.
    const renamed = ok<Request>(
      await as.sales.patch(`/api/requests/${filed.id}`, { version: read.version, title: 'Webinar on EU customs rules' }),
    );
    expect(renamed.fields).toEqual({ speaker: 'Ana Ruiz', platform: 'Teams' });
    // Answers sent anew meet today's questions.
    const stale = expectProblem(
      await as.sales.patch(`/api/requests/${filed.id}`, { version: renamed.version, fields: { speaker: 'Ana Ruiz', platform: 'Teams' } }),
      422,
    );
    expect(stale.errors?.map((e) => e.path).sort()).toEqual(['fields.platform', 'fields.topic']);
    // The board and list still read it.
    const list = ok<{ items: Request[] }>(await as.sales.get('/api/requests?mine=true&limit=100')).items;
    expect(list.find((r) => r.id === filed.id)?.fields).toEqual({ speaker: 'Ana Ruiz', platform: 'Teams' });
  });
});

describe('the demo', () => {
  it('three types ask questions; recent requests of those types answer them, older ones do not, and every answer fits', async () => {
    const types = ok<{ items: RequestType[] }>(await as.cmo.get('/api/request-types')).items;
    const asking = types.filter((ty) => ty.fields.length > 0 && !ty.name.includes('(intake test)'));
    expect(asking.map((ty) => ty.name).sort()).toEqual(['Case study', 'Event banner', 'Webinar support']);
    const rows = t.app.db.$client
      .prepare(
        `SELECT type_id AS typeId, fields, created_at AS createdAt FROM requests WHERE type_id IN (${asking.map((ty) => ty.id).join(',')})`,
      )
      .all() as { typeId: number; fields: string; createdAt: string }[];
    const answered = rows.filter((r) => r.fields !== '{}');
    expect(answered.length).toBeGreaterThan(20);
    expect(answered.length).toBeLessThan(rows.length);
    // The questions came in 60 days before the demo's today (2026-11-20): no earlier request answers them.
    expect(answered.every((r) => r.createdAt > '2026-09-21')).toBe(true);
    for (const r of answered) {
      const questions = asking.find((ty) => ty.id === r.typeId)!.fields;
      expect(checkAnswers(questions, JSON.parse(r.fields) as Record<string, unknown>)).toMatchObject({ ok: true });
    }
  });
});
