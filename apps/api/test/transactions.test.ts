import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { activity, requests, requestTypes } from '../src/db/schema';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, classify, fileRequest, getRequest, ok, rowCounts, signIn, tickingClock, type Caller } from './request-helpers';
import { dbChecksum } from './route-calls';

let t: TestApp;
let marketer: Caller;
let typeId: number;
beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline', now: tickingClock() });
  await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
  marketer = await signIn(t, 'marketer@example.com');
  typeId = t.app.db.select({ id: requestTypes.id }).from(requestTypes).where(eq(requestTypes.defaultClassification, 'tactical')).get()!.id;
});
afterAll(() => t.app.close());

describe('transactions roll back whole', () => {
  const newRequest = (title: string) => ({
    title,
    typeId,
    requesterId: marketer.user.id,
    departmentId: marketer.user.departmentId,
    status: 'intake' as const,
    position: `~${title}`,
    createdAt: '2026-11-20T12:00:00.000Z',
    updatedAt: '2026-11-20T12:00:00.000Z',
  });

  it('an error thrown after two inserts leaves neither behind', () => {
    const before = dbChecksum(t.app.db);
    expect(() =>
      t.app.db.transaction((tx) => {
        const row = tx.insert(requests).values(newRequest('Half done')).returning({ id: requests.id }).get();
        tx.insert(activity)
          .values({ requestId: row.id, actorId: marketer.user.id, kind: 'created', createdAt: '2026-11-20T12:00:00.000Z' })
          .run();
        throw new Error('crash mid-change');
      }),
    ).toThrow('crash mid-change');
    expect(t.app.db.select().from(requests).where(eq(requests.title, 'Half done')).all()).toEqual([]);
    expect(dbChecksum(t.app.db)).toBe(before);
  });

  it('an async callback, which would commit or escape the transaction at its first await, is refused and rolled back', () => {
    const before = dbChecksum(t.app.db);
    expect(() =>
      t.app.db.transaction(async (tx) => {
        tx.insert(requests).values(newRequest('Async')).run();
      }),
    ).toThrow(/cannot return a promise/);
    expect(dbChecksum(t.app.db)).toBe(before);
  });

  it('no transaction callback in the API is async', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.ts$/.test(entry.name) && /\.transaction\(\s*async\b/.test(fs.readFileSync(file, 'utf8'))) offenders.push(file);
      }
    };
    walk(path.resolve(import.meta.dirname, '../src'));
    expect(offenders).toEqual([]);
  });
});

describe('a write whose activity entry fails leaves nothing behind (real service path)', () => {
  /** Makes SQLite refuse activity rows of one kind, as a failing disk or constraint would, mid-transaction. */
  const failActivity = (kind: string) =>
    t.app.db.$client.exec(
      `CREATE TRIGGER fail_activity BEFORE INSERT ON activity WHEN NEW.kind = '${kind}' BEGIN SELECT RAISE(ABORT, 'boom'); END;`,
    );
  afterEach(() => {
    t.app.db.$client.exec('DROP TRIGGER IF EXISTS fail_activity');
  });

  const expectServerError = (res: LightMyRequestResponse) => {
    const problem = expectProblem(res, 500);
    expect(problem.code).toBe('server.error');
    expect(res.body).not.toMatch(/boom|sqlite|trigger/i);
  };

  const readyCard = async (title: string) => classify(marketer, (await fileRequest(marketer, { title, typeId })).id, 'tactical');

  it('a move answers 500 problem+json without details, and the card keeps its column, version and position', async () => {
    const card = await readyCard('Move that fails');
    const before = { counts: rowCounts(t), sum: dbChecksum(t.app.db) };
    failActivity('moved');
    expectServerError(await marketer.post(`/api/requests/${card.id}/move`, { status: 'planned', version: card.version }));
    expect(await getRequest(marketer, card.id)).toEqual(card);
    expect(rowCounts(t)).toEqual(before.counts);
    expect(dbChecksum(t.app.db)).toBe(before.sum);

    // The same move goes through once the fault is gone: nothing half-done was in its way.
    t.app.db.$client.exec('DROP TRIGGER fail_activity');
    expect(
      ok<{ status: string; version: number }>(
        await marketer.post(`/api/requests/${card.id}/move`, { status: 'planned', version: card.version }),
      ),
    ).toMatchObject({ status: 'planned', version: card.version + 1 });
  });

  it('a hand-back whose activity fails stores neither the resolution nor the note written before it', async () => {
    const card = await readyCard('Hand-back that fails');
    const before = dbChecksum(t.app.db);
    failActivity('moved');
    expectServerError(
      await marketer.post(`/api/requests/${card.id}/move`, {
        status: 'declined',
        resolution: 'handed_back',
        note: 'Use the template',
        version: card.version,
      }),
    );
    expect(await getRequest(marketer, card.id)).toEqual(card);
    expect(ok<{ items: unknown[] }>(await marketer.get(`/api/requests/${card.id}/comments`)).items).toEqual([]);
    expect(dbChecksum(t.app.db)).toBe(before);
  });

  /** Each write: the activity kind it records, a fixture built before the fault is armed, and the write itself. */
  const writes: [
    kind: string,
    what: string,
    prepare: () => Promise<{ id: number; version: number }>,
    write: (card: { id: number; version: number }) => Promise<LightMyRequestResponse>,
  ][] = [
    [
      'created',
      'filing a request',
      async () => ({ id: 0, version: 0 }),
      () => marketer.post('/api/requests', { title: 'Never filed', typeId }),
    ],
    [
      'commented',
      'a comment',
      () => readyCard('Commented'),
      (card) => marketer.post(`/api/requests/${card.id}/comments`, { body: 'Lost' }),
    ],
    [
      'time_logged',
      'a time entry',
      () => readyCard('Timed'),
      (card) => marketer.post(`/api/requests/${card.id}/time-entries`, { minutes: 30 }),
    ],
    [
      'classified',
      'a classification',
      () => fileRequest(marketer, { title: 'To classify', typeId }),
      (card) =>
        marketer.put(`/api/requests/${card.id}/classification`, { classification: 'strategic', note: 'Brand work', version: card.version }),
    ],
    [
      'updated',
      'an edit',
      () => readyCard('Edited'),
      (card) => marketer.patch(`/api/requests/${card.id}`, { version: card.version, title: 'Edited again' }),
    ],
  ];

  it.each(writes)('%s: %s whose activity entry fails is not stored', async (kind, _what, prepare, write) => {
    const card = await prepare();
    const before = dbChecksum(t.app.db);
    failActivity(kind);
    expectServerError(await write(card));
    expect(dbChecksum(t.app.db)).toBe(before);
  });
});

describe('write transactions begin IMMEDIATE', () => {
  it('take the write lock before running: with another writer holding it, the body never runs', async () => {
    const other = new Database(t.app.db.$client.name);
    const timeout = t.app.db.$client.pragma('busy_timeout', { simple: true });
    t.app.db.$client.pragma('busy_timeout = 50');
    other.exec('begin immediate');
    try {
      let ran = false;
      // A deferred transaction would run this read-only body and commit without noticing the other writer.
      expect(() =>
        t.app.db.transaction((tx) => {
          ran = true;
          tx.select().from(requests).limit(1).all();
        }),
      ).toThrow(/locked|busy/i);
      expect(ran).toBe(false);
    } finally {
      other.exec('rollback');
      other.close();
      t.app.db.$client.pragma(`busy_timeout = ${Number(timeout)}`);
    }
    // Once the other writer is gone, writes go through again.
    ok(await marketer.post('/api/requests', { title: 'After the other writer', typeId }), 201);
  });
});
