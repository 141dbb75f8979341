import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Request } from '@altitude/shared/requests';
import { buildApp } from '../src/app';
import { commitQueueOf } from '../src/db/commit-queue';
import { sessions, users } from '../src/db/schema';
import { seedDemo } from '../src/db/seed/demo';
import { demoPassword } from '../src/db/seed/demo-catalog';
import { HttpProblem } from '../src/errors';
import { resolveSession, sessionIdOfToken } from '../src/modules/auth/sessions';
import { BoardSnapshot } from '../src/modules/board/board-snapshot';
import { foreignWriteSettled, foreignWriteStarted } from '../src/modules/board/change-log';
import { writerOf } from '../src/writer/writer';
import { createTestApp, demoToday, type TestApp } from './harness';
import { addUser, column, fileRequest, getRequest, ids, ok, readBoard, signIn, tickingClock, type Caller } from './request-helpers';

/*
 * Moves and filings on the writer thread (writer/writer.ts), as the server runs them: the same
 * answers as on the main thread, the board showing them at once, the actor re-checked on the
 * thread, the thread's business calendar following a lead's change, and no acknowledged write
 * lost when the app closes with writes in flight. Expected values are worked out by hand.
 */
describe('the writer thread', () => {
  let t: TestApp;
  let marketer: Caller;
  let sales: Caller;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: tickingClock(), writerThread: true });
    marketer = await signIn(t, 'marketer@example.com');
    sales = await signIn(t, 'sales@example.com');
  });
  afterAll(() => t.app.close());

  const tokenOf = (caller: Caller) => caller.cookie.replace(/^altitude_session=/, '');

  it('commits moves and filings off the main connection, and the board shows them on the next read', async () => {
    expect(writerOf(t.app.db)).toBeDefined();
    const mainWrites = commitQueueOf(t.app.db).stats.writes;
    const board = await readBoard(marketer);
    const [card] = column(board, 'planned').cards;
    const [first, second] = column(board, 'in_progress').cards;
    // Between the first two cards of In progress: right after `first`, the card above it.
    const moved = ok<Request>(
      await marketer.post(`/api/requests/${card!.id}/move`, { status: 'in_progress', version: card!.version, beforeId: first!.id }),
    );
    expect(moved).toMatchObject({ id: card!.id, status: 'in_progress', version: card!.version + 1 });
    const after = await readBoard(marketer);
    expect(ids(column(after, 'in_progress').cards).slice(0, 3)).toEqual([first!.id, card!.id, second!.id]);
    expect(ids(column(after, 'planned').cards)).not.toContain(card!.id);

    const filed = await fileRequest(sales, { title: 'Filed through the writer thread', typeId: card!.typeId });
    expect(ids(column(await readBoard(marketer), 'intake').cards)).toContain(filed.id);
    // Neither went through the main connection's commit queue.
    expect(commitQueueOf(t.app.db).stats.writes).toBe(mainWrites);
    // Committed: the main connection reads both.
    expect((await getRequest(marketer, card!.id)).status).toBe('in_progress');
    expect((await getRequest(marketer, filed.id)).title).toBe('Filed through the writer thread');
  });

  it('answers a stale version with a 409 carrying the request as it stands, and changes nothing', async () => {
    const [card] = column(await readBoard(marketer), 'in_review').cards;
    ok(await marketer.post(`/api/requests/${card!.id}/move`, { status: 'planned', version: card!.version }));
    const stale = await marketer.post(`/api/requests/${card!.id}/move`, { status: 'in_progress', version: card!.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.json()).toMatchObject({ status: 409, current: { id: card!.id, status: 'planned', version: card!.version + 1 } });
    expect(await getRequest(marketer, card!.id)).toMatchObject({ status: 'planned', version: card!.version + 1 });
  });

  it('a burst of moves of one card at one version: exactly one is applied, every other answers 409', async () => {
    const [card] = column(await readBoard(marketer), 'planned').cards;
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => marketer.post(`/api/requests/${card!.id}/move`, { status: 'in_progress', version: card!.version })),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, ...Array<number>(29).fill(409)]);
    expect(await getRequest(marketer, card!.id)).toMatchObject({ status: 'in_progress', version: card!.version + 1 });
  });

  it('re-checks the actor on the thread: an ended session or a lost role writes nothing', async () => {
    const writer = writerOf(t.app.db)!;
    const [card] = column(await readBoard(marketer), 'planned').cards;
    const args = { id: card!.id, body: { status: 'in_progress' as const, version: card!.version }, now: demoToday.toISOString() };

    // Resolved while the session was live, as the request guard does; the session ends before the write runs.
    const colleague = await signIn(t, 'marketer@example.com');
    const speaking = resolveSession(t.app.db, tokenOf(colleague), t.app.clock());
    expect(speaking?.email).toBe('marketer@example.com');
    t.app.db
      .delete(sessions)
      .where(eq(sessions.id, sessionIdOfToken(tokenOf(colleague))))
      .run();
    const ended = await writer.run('move', speaking!, args).catch((e: unknown) => e);
    expect(ended).toBeInstanceOf(HttpProblem);
    expect((ended as HttpProblem).status).toBe(401);

    // A live session whose user became a requester meanwhile.
    await addUser(t, 'demoted@example.com', 'marketer', 'Marketing');
    const demoted = await signIn(t, 'demoted@example.com');
    const user = resolveSession(t.app.db, tokenOf(demoted), t.app.clock())!;
    expect(user.role).toBe('marketer');
    t.app.db.update(users).set({ role: 'requester' }).where(eq(users.id, user.id)).run();
    const refused = await writer.run('move', user, args).catch((e: unknown) => e);
    expect((refused as HttpProblem).status).toBe(403);
    expect(t.app.db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(1);

    expect(await getRequest(marketer, card!.id)).toMatchObject({ status: 'planned', version: card!.version });
  });
});

describe('a writer thread that fails', () => {
  it('answers the writes it held 503 with nothing written, then writes run on the main thread', async () => {
    const t = await createTestApp({ seed: 'demo', now: tickingClock(), writerThread: true });
    const warning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const marketer = await signIn(t, 'marketer@example.com');
      const writer = writerOf(t.app.db)!;
      expect(writer).toBeDefined();
      const actor = resolveSession(t.app.db, marketer.cookie.replace(/^altitude_session=/, ''), t.app.clock())!;
      const [card, next] = column(await readBoard(marketer), 'planned').cards;
      // An op the thread does not know throws in its message handler, as any bug there would:
      // the thread dies with the move handed over beside it.
      const crash = writer.run('no-such-op' as never, actor, {} as never).catch((e: unknown) => e);
      const move = writer
        .run('move', actor, { id: card!.id, body: { status: 'in_progress', version: card!.version }, now: t.app.clock().toISOString() })
        .catch((e: unknown) => e);
      for (const refused of await Promise.all([crash, move])) {
        expect(refused).toBeInstanceOf(HttpProblem);
        expect(refused).toMatchObject({ status: 503, code: 'server.write_failed' });
      }
      expect(writerOf(t.app.db)).toBeUndefined();
      expect(warning).toHaveBeenCalledWith(expect.stringContaining('The writer thread failed'));
      expect(await getRequest(marketer, card!.id)).toMatchObject({ status: 'planned', version: card!.version });

      // The next move commits on the main connection, and the board shows it.
      const mainWrites = commitQueueOf(t.app.db).stats.writes;
      const moved = ok<Request>(await marketer.post(`/api/requests/${next!.id}/move`, { status: 'in_progress', version: next!.version }));
      expect(moved).toMatchObject({ id: next!.id, status: 'in_progress', version: next!.version + 1 });
      expect(commitQueueOf(t.app.db).stats.writes).toBe(mainWrites + 1);
      expect(ids(column(await readBoard(marketer), 'in_progress').cards)).toContain(next!.id);
    } finally {
      warning.mockRestore();
      await t.app.close();
    }
  });
});

describe('the writer thread and the business calendar', () => {
  let t: TestApp;
  let lead: Caller;
  let sales: Caller;
  let twoDay: number;
  // Friday 4 December 2026, 16:00 UTC (the baseline company is in UTC, 09:00–17:00).
  const now = new Date('2026-12-04T16:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp({ seed: 'baseline', now: () => now, writerThread: true });
    await addUser(t, 'lead@example.com', 'lead', 'Marketing');
    await addUser(t, 'sales@example.com', 'requester', 'Sales');
    lead = await signIn(t, 'lead@example.com');
    sales = await signIn(t, 'sales@example.com');
    twoDay = ok<{ id: number }>(
      await lead.post('/api/request-types', { name: 'Two-day', turnaroundDays: 2, defaultClassification: 'tactical' }),
      201,
    ).id;
  });
  afterAll(() => t.app.close());

  it('a holiday a lead sets on the main thread counts in the next filing the thread writes', async () => {
    // Friday 16:00 on a 2-day type: Monday is day 1, Tuesday 8 day 2.
    expect((await fileRequest(sales, { title: 'Before the holiday', typeId: twoDay })).expectedBy).toBe('2026-12-08');
    ok(await lead.put('/api/settings/holidays', { items: [{ date: '2026-12-07', name: 'Company day' }] }));
    // Monday off: Tuesday is day 1, Wednesday 9 day 2.
    expect((await fileRequest(sales, { title: 'With the holiday', typeId: twoDay })).expectedBy).toBe('2026-12-09');
    ok(await lead.put('/api/settings/holidays', { items: [] }));
    expect((await fileRequest(sales, { title: 'Holiday removed', typeId: twoDay })).expectedBy).toBe('2026-12-08');
  });
});

describe('closing the app with writes on the writer thread in flight', () => {
  // Where the close lands depends on timing: after 1 turn the moves are still on the main
  // thread, after 2–3 they are on the writer thread, inside its group (an answer lost there
  // comes back as 503 for a move that committed), later they have answered.
  it.each([1, 2, 3, 4])(
    'answers each write, and every one answered 200 is in the database afterwards (closing after %i turns)',
    async (turns) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-writer-'));
      const file = path.join(dir, 'test.db');
      try {
        const app = await buildApp({ databasePath: file, now: tickingClock(), schedule: { enabled: false }, writerThread: true });
        await seedDemo(app.db, demoToday);
        await app.ready();
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'marketer@example.com', password: demoPassword },
        });
        const cookie = res.cookies.find((c) => c.name === 'altitude_session');
        expect(cookie, res.body).toBeDefined();
        const headers = { cookie: `altitude_session=${cookie!.value}` };
        const board = (await app.inject({ method: 'GET', url: '/api/board', headers })).json<{
          columns: { status: string; cards: Request[] }[];
        }>();
        const cards = board.columns.find((c) => c.status === 'planned')!.cards.slice(0, 6);
        expect(cards.length).toBe(6);
        const moves = cards.map((card) =>
          app.inject({
            method: 'POST',
            url: `/api/requests/${card.id}/move`,
            headers,
            payload: { status: 'in_progress', version: card.version },
          }),
        );
        // Closing while the moves are on their way to the thread.
        for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
        const closing = app.close();
        const answers = await Promise.all(moves);
        await closing;
        for (const a of answers) expect([200, 503]).toContain(a.statusCode);
        const sqlite = new Database(file, { readonly: true });
        try {
          const statusOf = sqlite.prepare<[number], { status: string; version: number }>(
            'select status, version from requests where id = ?',
          );
          answers.forEach((a, i) => {
            const row = statusOf.get(cards[i]!.id)!;
            if (a.statusCode === 200) expect(row).toEqual({ status: 'in_progress', version: cards[i]!.version + 1 });
            else expect(row).toEqual({ status: 'planned', version: cards[i]!.version });
          });
        } finally {
          sqlite.close();
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe("the board snapshot and another connection's commits", () => {
  it('patches the cards the writer thread logged, and still rebuilds after a commit nobody logged', async () => {
    const t = await createTestApp({ seed: 'demo', now: tickingClock() });
    const other = new Database(path.join(t.dir, 'test.db'));
    try {
      const snapshot = new BoardSnapshot(t.app.db, t.app.clock);
      const titles = () => {
        const board = JSON.parse(Buffer.concat(snapshot.answer().parts).toString()) as {
          columns: { cards: { id: number; title: string }[] }[];
        };
        return new Map(board.columns.flatMap((c) => c.cards).map((c) => [c.id, c.title]));
      };
      const [a, b, c] = [...titles().keys()];
      const rebuild = vi.spyOn(snapshot as unknown as { rebuild: () => void }, 'rebuild');
      const rename = other.prepare('update requests set title = ?, version = version + 1 where id = ?');
      const sqlite = t.app.db.$client;

      // As the writer thread does: a write handed over, committed on its connection, then answered with what it changed.
      foreignWriteStarted(sqlite);
      rename.run('Renamed by the writer thread', a!);
      foreignWriteSettled(sqlite, [a!], 'done');
      expect(titles().get(a!)).toBe('Renamed by the writer thread');
      expect(rebuild).not.toHaveBeenCalled();

      // A read between the thread's commit and its answer: nobody was told yet, so the board may
      // show the card as it was; once the answer is in, it shows the change. No rebuild either way.
      foreignWriteStarted(sqlite);
      rename.run('Renamed in flight', c!);
      titles();
      foreignWriteSettled(sqlite, [c!], 'done');
      expect(titles().get(c!)).toBe('Renamed in flight');
      expect(rebuild).not.toHaveBeenCalled();

      // A group of refusals: each rolled back to its savepoint, yet the group committed and moved
      // the version. Known as the thread's: no rebuild.
      foreignWriteStarted(sqlite);
      other.exec("begin immediate; savepoint w; update requests set title = 'refused' where id = 1; rollback to w; release w; commit");
      foreignWriteSettled(sqlite, [], 'refused');
      expect(titles().get(a!)).toBe('Renamed by the writer thread');
      expect(rebuild).not.toHaveBeenCalled();

      // Anyone else (a script): the snapshot cannot know what changed, so it reads the board again.
      rename.run('Renamed by a script', b!);
      expect(titles().get(b!)).toBe('Renamed by a script');
      expect(rebuild).toHaveBeenCalledTimes(1);

      // Even when it lands between a group's answers: the group's later answers (nothing changed,
      // nothing refused) do not take the script's commit for the thread's.
      foreignWriteStarted(sqlite);
      foreignWriteStarted(sqlite);
      rename.run('Renamed by the writer thread again', a!);
      foreignWriteSettled(sqlite, [a!], 'done');
      rename.run('Renamed by a script again', b!);
      foreignWriteSettled(sqlite, [], 'done');
      expect(titles().get(b!)).toBe('Renamed by a script again');
      expect(rebuild).toHaveBeenCalledTimes(2);

      // A thread that failed: whatever it may have committed is not accounted for.
      foreignWriteStarted(sqlite);
      rename.run('Committed by a thread that then failed', c!);
      foreignWriteSettled(sqlite, [], 'failed');
      expect(titles().get(c!)).toBe('Committed by a thread that then failed');
      expect(rebuild).toHaveBeenCalledTimes(3);
    } finally {
      other.close();
      await t.app.close();
    }
  });
});
