import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '@altitude/shared/requests';
import { commitQueueOf } from '../src/db/commit-queue';
import { activity, comments, requests } from '../src/db/schema';
import { HttpProblem } from '../src/errors';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  addUser,
  byPosition,
  classify,
  column,
  fileRequest,
  getRequest,
  ids,
  moveTo,
  ok,
  readBoard,
  rowCounts,
  signIn,
  tickingClock,
  type Caller,
  tacticalTypeId,
} from './request-helpers';
import { dbChecksum } from './route-calls';

/*
 * The commit queue (db/commit-queue.ts): concurrent writes share one transaction, each in its own
 * savepoint. These run the real app on a real SQLite file; the routes' writes go through the queue.
 */
let t: TestApp;
let marketer: Caller;
let typeId: number;
const at = '2026-11-20T12:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline', now: tickingClock() });
  await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
  marketer = await signIn(t, 'marketer@example.com');
  typeId = await tacticalTypeId(marketer);
});
afterAll(() => t.app.close());

const readyCard = async (title: string) => classify(marketer, (await fileRequest(marketer, { title, typeId })).id, 'tactical');
const queue = () => commitQueueOf(t.app.db);

describe('writes sent together', () => {
  it('10 moves into one gap all land, between the two cards, each at its own rank', async () => {
    const [above, below] = [await readyCard('Above'), await readyCard('Below')];
    await moveTo(marketer, above.id, 'planned');
    await moveTo(marketer, below.id, 'planned', { beforeId: above.id });
    const movers: Request[] = [];
    for (let i = 0; i < 10; i++) movers.push(await readyCard(`Mover ${i}`));
    const groupsBefore = queue().stats.groups;
    const answers = await Promise.all(
      movers.map((m) =>
        marketer.post(`/api/requests/${m.id}/move`, { status: 'planned', version: m.version, beforeId: above.id, afterId: below.id }),
      ),
    );
    const moved = answers.map((res) => ok<Request>(res));
    expect(queue().stats.groups - groupsBefore).toBeLessThan(10);
    expect(new Set(moved.map((m) => m.position)).size).toBe(10);
    const planned = [...column(await readBoard(marketer), 'planned').cards].sort(byPosition);
    expect(ids(planned)).toEqual(ids(column(await readBoard(marketer), 'planned').cards));
    const order = ids(planned);
    expect(order[0]).toBe(above.id);
    expect(order.at(-1)).toBe(below.id);
    expect(order.slice(1, -1).sort((a, b) => a - b)).toEqual(ids(movers));
    for (const m of moved) expect(m.version).toBe(movers.find((x) => x.id === m.id)!.version + 1);
  });

  it('a stale version is a 409 for that move alone; the others in its group commit', async () => {
    const cards = [await readyCard('One'), await readyCard('Two'), await readyCard('Three')];
    const stale = { ...cards[1]!, version: cards[1]!.version - 1 };
    const [first, conflict, third] = await Promise.all(
      [cards[0]!, stale, cards[2]!].map((c) => marketer.post(`/api/requests/${c.id}/move`, { status: 'planned', version: c.version })),
    );
    expect(ok<Request>(first!).status).toBe('planned');
    expectProblem(conflict!, 409);
    expect(conflict!.json().current.version).toBe(cards[1]!.version);
    expect(ok<Request>(third!).status).toBe('planned');
    expect((await getRequest(marketer, cards[1]!.id)).status).toBe('intake');
  });

  it('a body that throws leaves none of its rows; the bodies around it commit, in arrival order', async () => {
    const card = await readyCard('Commented');
    const before = rowCounts(t);
    const order: string[] = [];
    const comment = (text: string) =>
      queue().run((tx) => {
        order.push(text);
        return tx
          .insert(comments)
          .values({ requestId: card.id, authorId: marketer.user.id, body: text, createdAt: at })
          .returning({ id: comments.id })
          .get().id;
      });
    const failing = () =>
      queue().run((tx) => {
        order.push('failing');
        tx.insert(comments).values({ requestId: card.id, authorId: marketer.user.id, body: 'Half done', createdAt: at }).run();
        tx.insert(activity).values({ requestId: card.id, actorId: marketer.user.id, kind: 'commented', createdAt: at }).run();
        throw new HttpProblem(409, 'test.refused', 'Refused half-way.');
      });
    const groupsBefore = queue().stats.groups;
    const results = await Promise.allSettled([comment('First'), failing(), comment('Third')]);
    expect(queue().stats.groups - groupsBefore).toBe(1);
    expect(order).toEqual(['First', 'failing', 'Third']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: 'test.refused' });
    const bodies = t.app.db.select({ body: comments.body }).from(comments).where(eq(comments.requestId, card.id)).all();
    expect(bodies.map((c) => c.body)).toEqual(['First', 'Third']);
    expect(rowCounts(t)).toEqual({ ...before, comments: before.comments + 2 });
  });

  it('a later body sees what an earlier one in its group wrote, and a read after the answer sees the write', async () => {
    const card = await readyCard('Seen');
    const renamed = queue().run((tx) => tx.update(requests).set({ title: 'Renamed' }).where(eq(requests.id, card.id)).run());
    const seen = queue().run((tx) => tx.select({ title: requests.title }).from(requests).where(eq(requests.id, card.id)).get()?.title);
    await renamed;
    expect(await seen).toBe('Renamed');
    const res = await marketer.post(`/api/requests/${card.id}/move`, { status: 'planned', version: card.version });
    expect(ok<Request>(res).version).toBe(card.version + 1);
    const read = await getRequest(marketer, card.id);
    expect([read.status, read.version]).toEqual(['planned', card.version + 1]);
  });

  it('a COMMIT that fails answers 503 for every write of the group and applies none of them', async () => {
    const before = dbChecksum(t.app.db);
    const good = queue().run((tx) =>
      tx
        .insert(requests)
        .values({
          title: 'Lost with the group',
          typeId,
          requesterId: marketer.user.id,
          departmentId: marketer.user.departmentId,
          status: 'intake',
          position: '~lost',
          createdAt: at,
          updatedAt: at,
        })
        .run(),
    );
    // A deferred foreign key is checked at COMMIT only: the one way to make a COMMIT fail here.
    const bad = queue().run((tx) => {
      tx.run(sql`pragma defer_foreign_keys = on`);
      tx.insert(activity).values({ requestId: 999_999, actorId: marketer.user.id, kind: 'created', createdAt: at }).run();
    });
    const results = await Promise.allSettled([good, bad]);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 503, code: 'server.write_failed' });
    expect(dbChecksum(t.app.db)).toBe(before);
    // The queue goes on: the next write commits.
    const card = await readyCard('After the failure');
    expect((await getRequest(marketer, card.id)).classification).toBe('tactical');
  });

  it('refuses an async body, which would run past its savepoint', async () => {
    const before = dbChecksum(t.app.db);
    await expect(queue().run(async () => 1)).rejects.toThrow(/synchronous/);
    expect(dbChecksum(t.app.db)).toBe(before);
  });
});
