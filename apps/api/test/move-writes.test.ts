import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '@altitude/shared/requests';
import type { Status } from '@altitude/shared/domain';
import { createTestApp, type TestApp } from './harness';
import { classify, column, getRequest, ok, readBoard, signIn, tickingClock, type Caller } from './request-helpers';

/**
 * What a move writes to disk. SQLite rewrites the entry of every index naming a column an UPDATE
 * sets, whether its value changed or not, and every page rewritten is written to the WAL and
 * fsynced by the COMMIT. A move between open columns changes the status and the order, a drag
 * within a column only the order: these tests read the WAL pages one move wrote and name the
 * b-tree each belongs to (SQLite's own `dbstat`), so an index rewritten for nothing shows up.
 */
describe('the pages a move writes', () => {
  let t: TestApp;
  let marketer: Caller;
  let file: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', now: tickingClock() });
    marketer = await signIn(t, 'marketer@example.com');
    file = path.join(t.dir, 'test.db');
  });
  afterAll(() => t.app.close());

  /** The requests table's indexes, read from the schema: [name, its SQL]. */
  const requestIndexes = () =>
    t.app.db.$client
      .prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'requests' and sql is not null")
      .all() as {
      name: string;
      sql: string;
    }[];

  /** The b-trees (tables and indexes) whose pages the WAL holds: the WAL format's frame headers. */
  function writtenTrees(): Set<string> {
    const wal = fs.readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    const pages = new Set<number>();
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) pages.add(wal.readUInt32BE(at));
    const owner = new Map(
      (t.app.db.$client.prepare('select name, pageno from dbstat').all() as { name: string; pageno: number }[]).map((r) => [
        r.pageno,
        r.name,
      ]),
    );
    return new Set([...pages].map((p) => owner.get(p) ?? `page ${p}`));
  }

  /** Moves a card and returns the requests indexes the move's commit wrote pages of. */
  async function indexesWrittenBy(id: number, status: Status, place: { beforeId?: number; afterId?: number }): Promise<Set<string>> {
    const { version } = await getRequest(marketer, id);
    // An empty WAL: what it holds afterwards is this move's commit alone.
    t.app.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const moved = ok<Request>(await marketer.post(`/api/requests/${id}/move`, { status, version, ...place }));
    expect(moved.status).toBe(status);
    const names = new Set(requestIndexes().map((i) => i.name));
    return new Set([...writtenTrees()].filter((tree) => names.has(tree)));
  }

  it('a move between open columns rewrites only the indexes that name the status or the order', async () => {
    const board = await readBoard(marketer);
    const [card] = column(board, 'planned').cards;
    const [anchor] = column(board, 'in_progress').cards;
    const written = await indexesWrittenBy(card!.id, 'in_progress', { beforeId: anchor!.id });
    // Written from the schema, not from the move's statement: an index naming neither column.
    const untouched = requestIndexes()
      .filter((i) => !/[`"(,\s]status[`"\s,)=]/.test(i.sql) && !/[`"(,\s]position[`"\s,)]/.test(i.sql))
      .map((i) => i.name);
    expect(untouched).toEqual(expect.arrayContaining(['requests_completed_idx', 'requests_type_idx', 'requests_created_idx']));
    expect([...written].filter((name) => untouched.includes(name))).toEqual([]);
    // And the ones it must write are written (the WAL reading sees them).
    expect(written).toContain('requests_board_idx');
    expect(written).toContain('requests_department_idx');
  });

  it('a drag within a column rewrites the order index alone', async () => {
    const cards = column(await readBoard(marketer), 'in_review').cards;
    expect(cards.length).toBeGreaterThanOrEqual(3);
    const last = cards.at(-1)!;
    // To the top: right above the first card (`afterId` names the card below).
    const written = await indexesWrittenBy(last.id, 'in_review', { afterId: cards[0]!.id });
    expect([...written]).toEqual(['requests_board_idx']);
    const positionOf = (id: number) =>
      (t.app.db.$client.prepare('select position from requests where id = ?').get(id) as { position: string }).position;
    expect(positionOf(last.id) < positionOf(cards[0]!.id)).toBe(true);
  });

  it('a move that closes or reopens still writes every column it changes', async () => {
    const board = await readBoard(marketer);
    const [card] = column(board, 'in_review').cards;
    const done = ok<Request>(await marketer.post(`/api/requests/${card!.id}/move`, { status: 'done', version: card!.version }));
    expect(done).toMatchObject({ status: 'done', resolution: 'delivered' });
    expect(done.completedAt).not.toBeNull();
    const reopened = ok<Request>(await marketer.post(`/api/requests/${card!.id}/move`, { status: 'planned', version: done.version }));
    expect(reopened).toMatchObject({ status: 'planned', resolution: null, completedAt: null });
    // Read back from the database, not from the answer: the row itself was cleared.
    const row = t.app.db.$client.prepare('select status, resolution, completed_at from requests where id = ?').get(card!.id);
    expect(row).toEqual({ status: 'planned', resolution: null, completed_at: null });
  });

  it('an open request still carrying a resolution (older data) has it cleared by its next move', async () => {
    const [card] = column(await readBoard(marketer), 'planned').cards;
    t.app.db.$client
      .prepare("update requests set resolution = 'delivered', completed_at = '2026-11-01T10:00:00.000Z' where id = ?")
      .run(card!.id);
    const { version } = await getRequest(marketer, card!.id);
    ok(await marketer.post(`/api/requests/${card!.id}/move`, { status: 'in_progress', version }));
    const row = t.app.db.$client.prepare('select resolution, completed_at from requests where id = ?').get(card!.id);
    expect(row).toEqual({ resolution: null, completed_at: null });
  });

  it('the first move out of intake stamps when the work started', async () => {
    const [card] = column(await readBoard(marketer), 'intake').cards;
    const classified = await classify(marketer, card!.id, 'tactical');
    const startedOf = () =>
      (t.app.db.$client.prepare('select started_at as s from requests where id = ?').get(card!.id) as { s: string | null }).s;
    expect(startedOf()).toBeNull();
    ok(await marketer.post(`/api/requests/${card!.id}/move`, { status: 'planned', version: classified.version }));
    expect(startedOf()).not.toBeNull();
  });
});
