import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statuses, type Status } from '@altitude/shared/domain';
import type { BoardColumn, Request } from '@altitude/shared/requests';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, classify, fileRequest, getRequest, ok, readBoard, rowCounts, signIn, tickingClock, type Caller } from './request-helpers';

/** A small seeded PRNG (mulberry32), so a failing storm can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

let t: TestApp;
let marketers: Caller[];
let typeId: number;
beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline', now: tickingClock() });
  await addUser(t, 'lead@example.com', 'lead', 'Marketing');
  await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
  await addUser(t, 'marketer2@example.com', 'marketer', 'Marketing');
  marketers = [await signIn(t, 'lead@example.com'), await signIn(t, 'marketer@example.com'), await signIn(t, 'marketer2@example.com')];
  typeId = ok<{ items: { id: number }[] }>(await marketers[0]!.get('/api/request-types')).items[0]!.id;
});
afterAll(() => t.app.close());

describe('same-card race', () => {
  it("50 simultaneous edits carrying the same version: exactly 1 succeeds, 49 get 409, and the card holds the winner's write", async () => {
    const card = await fileRequest(marketers[0]!, { title: 'Contested', typeId });
    const before = rowCounts(t);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        marketers[i % marketers.length]!.patch(`/api/requests/${card.id}`, {
          version: card.version,
          title: `Writer ${i}`,
          estimateMinutes: i,
        }),
      ),
    );
    const winners = answers.flatMap((res, i) => (res.statusCode === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    const losers = answers.filter((res) => res.statusCode !== 200);
    expect(losers).toHaveLength(49);
    for (const res of losers) expect(expectProblem(res, 409).code).toBe('request.version_conflict');

    const winner = winners[0]!;
    const stored = await getRequest(marketers[0]!, card.id);
    expect(stored).toEqual(answers[winner]!.json());
    expect(stored).toMatchObject({ title: `Writer ${winner}`, estimateMinutes: winner, version: card.version + 1 });
    // One write: one request row unchanged in number, one activity entry per field changed by the winner.
    expect(rowCounts(t)).toEqual({ ...before, activity: before.activity + 2 });
  });
});

describe('move storm', () => {
  const cardCount = 200;
  const clients = 50;
  const movesPerClient = 20;

  it(
    `${clients} clients × ${movesPerClient} moves on a ${cardCount}-card board: no acknowledged move lost, positions unique, versions count the writes`,
    { timeout: 120_000 },
    async () => {
      const rnd = prng(20_261_120);
      const writes = new Map<number, number>();
      const countWrite = (id: number) => writes.set(id, (writes.get(id) ?? 0) + 1);
      /** The last move each card had acknowledged: its version and column. */
      const lastAck = new Map<number, { version: number; status: Status }>();
      const acknowledge = (moved: Request) => {
        countWrite(moved.id);
        const prev = lastAck.get(moved.id);
        if (!prev || moved.version > prev.version) lastAck.set(moved.id, { version: moved.version, status: moved.status });
      };

      // 200 cards filed and classified through the API, then spread over the columns.
      const ids: number[] = [];
      for (let i = 0; i < cardCount; i++) {
        const created = await fileRequest(marketers[i % marketers.length]!, { title: `Storm ${i}`, typeId });
        await classify(marketers[0]!, created.id, rnd.next() < 0.5 ? 'tactical' : 'strategic', 'Triaged in the storm');
        countWrite(created.id);
        ids.push(created.id);
      }
      for (const id of ids) {
        const { version } = await getRequest(marketers[0]!, id);
        acknowledge(ok<Request>(await marketers[0]!.post(`/api/requests/${id}/move`, { status: rnd.pick(statuses), version })));
      }
      const before = rowCounts(t);
      const movesBefore = before.activity;

      const columnIds = (status: Status, except: number) =>
        (t.app.db.$client.prepare('select id from requests where status = ? and id != ?').all(status, except) as { id: number }[]).map(
          (r) => r.id,
        );
      const unexpected: string[] = [];
      let conflicts = 0;
      let staleNeighbours = 0;

      /**
       * The version each card had when a client last heard of it, shared as the board's live updates
       * would share it; a stale one costs a 409, whose body carries the card as it now stands.
       */
      const known = new Map<number, number>();
      for (const id of ids) known.set(id, lastAck.get(id)!.version);

      async function client(n: number) {
        const me = marketers[n % marketers.length]!;
        for (let done = 0; done < movesPerClient;) {
          const id = rnd.pick(ids);
          const status = rnd.pick(statuses);
          // Retry the same move, with the card as re-read, until it is acknowledged.
          for (let attempt = 0; ; attempt++) {
            if (attempt > 100) {
              unexpected.push(`card ${id} never moved`);
              return;
            }
            const others = columnIds(status, id);
            const place = rnd.next();
            const neighbour = others.length ? rnd.pick(others) : null;
            const body = {
              status,
              version: known.get(id)!,
              ...(neighbour && place < 0.4 ? { beforeId: neighbour } : neighbour && place < 0.8 ? { afterId: neighbour } : {}),
            };
            const res = await me.post(`/api/requests/${id}/move`, body);
            if (res.statusCode === 200) {
              const moved = res.json() as Request;
              acknowledge(moved);
              known.set(id, Math.max(known.get(id)!, moved.version));
              done++;
              break;
            }
            const problem = res.json() as { code?: string; current?: Request };
            if (res.statusCode === 409 && problem.code === 'request.version_conflict' && problem.current) {
              conflicts++;
              known.set(id, problem.current.version);
            } else if (res.statusCode === 422 && problem.code === 'request.invalid_neighbour') {
              // The neighbour left that column between reading it and moving next to it.
              staleNeighbours++;
            } else {
              unexpected.push(`${res.statusCode} ${res.body}`);
              return;
            }
          }
        }
      }
      await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));

      expect(unexpected).toEqual([]);
      // The storm did collide: clients really raced for the same cards.
      expect(conflicts).toBeGreaterThan(0);
      const after = rowCounts(t);
      expect(after.requests).toBe(before.requests);
      // One moved/reordered activity per acknowledged move, plus a resolution entry per move into declined.
      expect(after.activity - movesBefore).toBeGreaterThanOrEqual(clients * movesPerClient);

      // Every card where its last acknowledged move put it, with one version per successful write.
      const all = t.app.db.$client.prepare('select id, status, version, position from requests').all() as {
        id: number;
        status: Status;
        version: number;
        position: string;
      }[];
      const rows = all.filter((r) => lastAck.has(r.id));
      expect(rows).toHaveLength(cardCount);
      const lost = rows.filter((r) => r.status !== lastAck.get(r.id)!.status || r.version !== lastAck.get(r.id)!.version);
      expect(lost).toEqual([]);
      expect(rows.filter((r) => r.version !== 1 + writes.get(r.id)!)).toEqual([]);
      const movedActivity = t.app.db.$client
        .prepare("select request_id as id, count(*) as n from activity where kind in ('moved', 'reordered') group by request_id")
        .all() as { id: number; n: number }[];
      expect(movedActivity.filter((a) => a.n !== writes.get(a.id)! - 1)).toEqual([]);

      // No two cards share a position in a column.
      const keys = new Set(all.map((r) => `${r.status} ${r.position}`));
      expect(keys.size).toBe(all.length);

      // The board (closed columns walked page by page) shows every card in exactly one column, in position order.
      const seen: number[] = [];
      const board = await readBoard(marketers[0]!);
      for (const column of board.columns) {
        const cards = [...column.cards];
        let cursor = column.nextCursor;
        while (cursor) {
          const page = ok<BoardColumn>(await marketers[0]!.get(`/api/board/columns/${column.status}?cursor=${cursor}`));
          cards.push(...page.cards);
          cursor = page.nextCursor;
        }
        expect(cards).toHaveLength(column.count);
        for (const card of cards) expect(card.status).toBe(column.status);
        if (column.status !== 'done' && column.status !== 'declined') {
          const positions = cards.map((c) => c.position);
          expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        }
        seen.push(...cards.map((c) => c.id));
      }
      expect(seen.sort((a, b) => a - b)).toEqual(all.map((r) => r.id).sort((a, b) => a - b));
      console.info(
        `move storm: ${clients * movesPerClient} moves acknowledged, ${conflicts} conflicts and ${staleNeighbours} stale neighbours retried`,
      );
    },
  );
});
