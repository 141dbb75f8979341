import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '@altitude/shared/requests';
import { createDemoApp, fileRequest, getRequest, ok, requestTypeId, signInDemoAccounts, type DemoCallers } from './request-helpers';
import { expectProblem } from './problem-assertions';
import { dbChecksum } from './route-calls';
import type { TestApp } from './harness';

/**
 * Text people read (titles, comments, names…) is normalised and refused when it could hide or
 * disguise content; a refused write is a 400 naming the field and leaves the database as it was.
 * A classification must carry the version it was made against.
 */

let t: TestApp;
let as: DemoCallers;
let typeId: number;
beforeAll(async () => {
  t = await createDemoApp();
  as = await signInDemoAccounts(t);
  typeId = await requestTypeId(as.sales, 'Event banner');
});
afterAll(() => t.app.close());

const hostile: [what: string, value: string, message: string][] = [
  ['blank', ' \t ', 'must not be blank'],
  ['a no-break space only', '\u00a0', 'must not be blank'],
  ['zero-width characters only', '\u200b\u200b', 'must not be blank'],
  ['a NUL byte', 'Banner\u0000', 'must not contain control characters'],
  ['a right-to-left override', 'Banner \u202Egpj.exe', 'must not contain bidirectional override or isolate characters'],
  ['a left-to-right isolate', 'Banner \u2066x\u2069', 'must not contain bidirectional override or isolate characters'],
];

/** Asserts a 400 naming exactly `path` with `message`, and that nothing was written. */
async function refused(
  call: () => Promise<{ statusCode: number; json(): unknown; body: string; headers: Record<string, unknown> }>,
  path: string,
  message: string,
) {
  const before = dbChecksum(t.app.db);
  const res = await call();
  const body = expectProblem(res as Parameters<typeof expectProblem>[0], 400);
  expect(body.errors).toEqual([{ path, message }]);
  expect(dbChecksum(t.app.db)).toBe(before);
}

describe('refused text, field by field', () => {
  it.each(hostile)('a request title with %s', async (_, value, message) => {
    await refused(() => as.sales.post('/api/requests', { title: value, typeId }), 'title', message);
  });

  it.each(hostile)('an edited title with %s', async (_, value, message) => {
    const created = await fileRequest(as.sales, { title: 'Roadshow banner', typeId });
    await refused(() => as.sales.patch(`/api/requests/${created.id}`, { version: created.version, title: value }), 'title', message);
    expect(await getRequest(as.sales, created.id)).toEqual(created);
  });

  it.each(hostile)('a comment with %s', async (_, value, message) => {
    const created = await fileRequest(as.sales, { title: 'Commented banner', typeId });
    await refused(() => as.sales.post(`/api/requests/${created.id}/comments`, { body: value }), 'body', message);
  });

  it.each(hostile)('a person renamed to %s', async (_, value, message) => {
    await refused(() => as.cmo.patch(`/api/users/${as.marketer.user.id}`, { name: value }), 'name', message);
  });

  it.each(hostile)('a department named %s', async (_, value, message) => {
    await refused(() => as.cmo.post('/api/departments', { name: value }), 'name', message);
  });

  it.each(hostile)('a request type named %s', async (_, value, message) => {
    await refused(
      () => as.cmo.post('/api/request-types', { name: value, turnaroundDays: 3, defaultClassification: 'tactical' }),
      'name',
      message,
    );
  });

  it('a brief, a decline note, a classification note and a time note with a NUL or an override', async () => {
    const created = await fileRequest(as.sales, { title: 'Noted banner', typeId });
    await refused(
      () => as.sales.post('/api/requests', { title: 'ok', typeId, brief: 'two\u0000parts' }),
      'brief',
      'must not contain control characters',
    );
    await refused(
      () => as.marketer.post(`/api/requests/${created.id}/move`, { status: 'declined', version: created.version, note: '\u202Eno' }),
      'note',
      'must not contain bidirectional override or isolate characters',
    );
    await refused(
      () =>
        as.marketer.put(`/api/requests/${created.id}/classification`, {
          classification: 'tactical',
          version: created.version,
          note: 'x\u0000',
        }),
      'note',
      'must not contain control characters',
    );
    await refused(
      () => as.marketer.post(`/api/requests/${created.id}/time-entries`, { minutes: 5, note: 'a\u2067b' }),
      'note',
      'must not contain bidirectional override or isolate characters',
    );
  });
});

describe('normalised text', () => {
  it('a title is trimmed and stored in NFC; a brief keeps its lines with \\n breaks', async () => {
    const created = await fileRequest(as.sales, { title: '  Cafe\u0301 launch  ', typeId, brief: 'Line 1\r\nLine 2\n' });
    expect(created.title).toBe('Caf\u00e9 launch');
    expect(created.brief).toBe('Line 1\nLine 2');
  });

  it('right-to-left text with its marks, and emoji with joiners, are kept as typed', async () => {
    const title = '\u05d1\u05e0\u05e8 \u200f\u2014 👩‍💻 team';
    expect((await fileRequest(as.sales, { title, typeId })).title).toBe(title);
  });

  it('an optional text that shows nothing is stored empty', async () => {
    expect((await fileRequest(as.sales, { title: 'Goal-less banner', typeId, businessGoal: ' \u200b ' })).businessGoal).toBe('');
  });
});

describe('classification needs the version it was made against', () => {
  it('without a version: 400 naming version, nothing changes', async () => {
    const created = await fileRequest(as.sales, { title: 'Unversioned class', typeId });
    const before = dbChecksum(t.app.db);
    const body = expectProblem(await as.marketer.put(`/api/requests/${created.id}/classification`, { classification: 'strategic' }), 400);
    expect(body.errors).toEqual([{ path: 'version', message: expect.any(String) }]);
    expect(dbChecksum(t.app.db)).toBe(before);
  });

  it("a stale version does not overwrite a colleague's classification: 409 with the request as it stands", async () => {
    const created = await fileRequest(as.sales, { title: 'Contested class', typeId });
    const first = ok<Request>(
      await as.marketer.put(`/api/requests/${created.id}/classification`, {
        classification: 'strategic',
        version: created.version,
        note: 'Flagship',
      }),
    );
    const before = dbChecksum(t.app.db);
    const body = expectProblem(
      await as.cmo.put(`/api/requests/${created.id}/classification`, { classification: 'tactical', version: created.version }),
      409,
    );
    expect(body.current).toMatchObject({
      id: created.id,
      classification: 'strategic',
      classificationNote: 'Flagship',
      version: created.version + 1,
    });
    expect(dbChecksum(t.app.db)).toBe(before);
    expect(await getRequest(as.marketer, created.id)).toEqual(first);
  });
});
