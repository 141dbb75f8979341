import path from 'node:path';
import Database from 'better-sqlite3';
import { generateKeyBetween } from 'fractional-indexing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Request } from '@altitude/shared/requests';
import type { SimilarRequest } from '@altitude/shared/service-levels';
import { activity, kitOutcomes, requestFollowers, requests } from '../src/db/schema';
import type { TestApp } from './harness';
import { expectNoStackTrace, expectProblem } from './problem-assertions';
import {
  addUser,
  createDemoApp,
  fileRequest,
  getRequest,
  listAll,
  ok,
  requestTypeId,
  signIn,
  signInDemoAccounts,
  type Caller,
  type DemoCallers,
} from './request-helpers';

/**
 * Similar requests (FTS5 over title and brief, bm25) and following (issue 12). Titles use made-up
 * words the demo never holds, so every expected list below is exactly the requests this file filed.
 */

let t: TestApp;
let as: DemoCallers;
let banner: number;
/** The two quillwort requests of the ranking tests, reused by the hostile-q tests. */
let quillwort: { inTitle: number; inBrief: number };

beforeAll(async () => {
  t = await createDemoApp();
  as = await signInDemoAccounts(t);
  banner = await requestTypeId(as.marketer, 'Event banner');
});
afterAll(() => t.app.close());

const file = (caller: Caller, title: string, brief = '') => fileRequest(caller, { title, brief, typeId: banner });

async function similar(caller: Caller, q: string, extra = ''): Promise<SimilarRequest[]> {
  return ok<{ items: SimilarRequest[] }>(await caller.get(`/api/requests/similar?q=${encodeURIComponent(q)}${extra}`)).items;
}
const keys = (items: { id: number }[]) => items.map((i) => i.id);
/** Unfollow: the shared Caller has no DELETE. */
const del = (caller: Caller, id: number) =>
  t.app.inject({ method: 'DELETE', url: `/api/requests/${id}/followers`, headers: { cookie: caller.cookie } });

describe('GET /api/requests/similar: ranking', () => {
  let inTitle: Request;
  let inBrief: Request;
  let twoWords: Request;
  let oneWord: Request;
  beforeAll(async () => {
    inBrief = await file(as.sales, 'Autumn leaflet for partners', 'Same look as the quillwort one, please.');
    inTitle = await file(as.sales, 'Quillwort brochure refresh');
    quillwort = { inTitle: inTitle.id, inBrief: inBrief.id };
    oneWord = await file(as.sales, 'Zephyrine flyer');
    twoWords = await file(as.sales, 'Zephyrine quokkafest poster');
  });

  it('a title match ranks above a match only in the brief', async () => {
    expect(keys(await similar(as.marketer, 'quillwort'))).toEqual([inTitle.id, inBrief.id]);
  });

  it('more shared words rank higher, and a title sharing only some words still matches', async () => {
    expect(keys(await similar(as.marketer, 'Zephyrine quokkafest poster'))).toEqual([twoWords.id, oneWord.id]);
  });

  it('a request sharing every word ranks above one sharing some, even where bm25 alone would put the other first', async () => {
    // bm25 favours short documents: "Quasarine" alone, one word long, scores higher on that
    // word than the request holding both words does with its 300-word brief, by more than the
    // second, commoner word adds (see the scores). Offering the request that has everything typed first
    // is the point of the lookup.
    const partial = await file(as.sales, 'Quasarine');
    const complete = await file(as.sales, 'Quasarine velvetmoss', 'lorem '.repeat(300).trim());
    // "velvetmoss" in 20 more requests (declined, never offered) weighs less than "quasarine" in two.
    const owner = as.sales.user;
    const insert = t.app.db.$client.prepare(
      `insert into requests (title, brief, type_id, requester_id, department_id, priority, status, resolution, position, created_at, updated_at, completed_at)
       values ('Declined idea', 'velvetmoss', ?, ?, ?, 'normal', 'declined', 'declined', ?, ?, ?, ?)`,
    );
    const now = t.app.clock().toISOString();
    for (let i = 0; i < 20; i++) insert.run(banner, owner.id, owner.departmentId, `zzvelvet${i}`, now, now, now);
    const items = await similar(as.marketer, 'quasarine velvetmoss');
    expect(keys(items)).toEqual([complete.id, partial.id]);
    expect(items[1]!.score).toBeGreaterThan(items[0]!.score);
  });

  it('a number shared with an unrelated request does not offer it; numbers alone still match', async () => {
    const poster = await file(as.sales, 'Glimmerquartz plorvex 2031');
    const leaflet = await file(as.sales, 'Obsidianfern zarkleaf 2031');
    expect(keys(await similar(as.marketer, 'Obsidianfern zarkleaf 2031'))).toEqual([leaflet.id]);
    expect(keys(await similar(as.marketer, 'Glimmerquartz 2031'))).toEqual([poster.id]);
    // Two titles of the same length holding "2031" once tie; the newest goes first.
    expect(keys(await similar(as.marketer, '2031'))).toEqual([leaflet.id, poster.id]);
  });

  it('the last word counts as a prefix while it is being typed', async () => {
    expect(keys(await similar(as.marketer, 'quokkaf'))).toEqual([twoWords.id]);
    // Earlier words are whole words: "quokkaf" then another word shares only "zephyrine" with
    // both titles, and bm25 prefers the shorter title (2 words against 3).
    expect(keys(await similar(as.marketer, 'quokkaf zephyrine'))).toEqual([oneWord.id, twoWords.id]);
  });

  it('answers key, title, status and a score in 0..1 that falls with the rank', async () => {
    const items = await similar(as.marketer, 'Zephyrine quokkafest poster');
    expect(items[0]).toEqual({
      id: twoWords.id,
      key: `MKT-${twoWords.id}`,
      title: 'Zephyrine quokkafest poster',
      status: 'intake',
      score: expect.any(Number),
    });
    for (const i of items) expect(i.score).toBeGreaterThan(0);
    for (const i of items) expect(i.score).toBeLessThan(1);
    expect(items[0]!.score).toBeGreaterThan(items[1]!.score);
  });

  it('diacritics and case do not matter', async () => {
    expect(keys(await similar(as.marketer, 'QUÎLLWÖRT'))).toEqual([inTitle.id, inBrief.id]);
  });

  it('answers at most 5 by default, up to `limit` (at most 10)', async () => {
    for (let i = 0; i < 11; i++) await file(as.sales, `Gloxinia stand ${i}`);
    expect(await similar(as.marketer, 'gloxinia')).toHaveLength(5);
    expect(await similar(as.marketer, 'gloxinia', '&limit=10')).toHaveLength(10);
    expectProblem(await as.marketer.get('/api/requests/similar?q=gloxinia&limit=11'), 400);
  });

  it('is not taken for GET /api/requests/:id', async () => {
    const res = await as.sales.get('/api/requests/similar?q=quillwort');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('items');
  });
});

describe('GET /api/requests/similar: the index follows the table', () => {
  it('after a title edit the old title no longer matches and the new one does', async () => {
    const r = await file(as.sales, 'Marmalade gazebo banner');
    expect(keys(await similar(as.sales, 'marmalade gazebo'))).toEqual([r.id]);
    ok(
      await as.sales.patch(`/api/requests/${r.id}`, {
        version: r.version,
        title: 'Tangerine pavilion banner',
        brief: 'Orange, not marmalade-free',
      }),
    );
    expect(keys(await similar(as.sales, 'gazebo'))).toEqual([]);
    expect(keys(await similar(as.sales, 'tangerine pavilion'))).toEqual([r.id]);
    // The brief is indexed as edited: its words match too, ranked as brief words.
    expect(keys(await similar(as.sales, 'marmalade'))).toEqual([r.id]);
  });

  it('a deleted request no longer matches (the API has no delete; the row goes directly)', async () => {
    const r = await file(as.sales, 'Wombatcore sticker sheet');
    expect(keys(await similar(as.sales, 'wombatcore'))).toEqual([r.id]);
    t.app.db.transaction((tx) => {
      tx.delete(activity).where(eq(activity.requestId, r.id)).run();
      // Filed as a type whose kit the demo offers Sales, the filing also counted a kit outcome.
      tx.delete(kitOutcomes).where(eq(kitOutcomes.requestId, r.id)).run();
      tx.delete(requests).where(eq(requests.id, r.id)).run();
    });
    expect(keys(await similar(as.sales, 'wombatcore'))).toEqual([]);
  });
});

describe('GET /api/requests/similar: what may be offered', () => {
  it("a requester never sees another department's request; marketing sees it", async () => {
    const productOnly = await file(as.product, 'Xylocarp launch teaser');
    expect(keys(await similar(as.sales, 'xylocarp'))).toEqual([]);
    expect(keys(await similar(as.product, 'xylocarp'))).toEqual([productOnly.id]);
    expect(keys(await similar(as.marketer, 'xylocarp'))).toEqual([productOnly.id]);
    expect(keys(await similar(as.cmo, 'xylocarp'))).toEqual([productOnly.id]);
  });

  it('a request filed by a colleague of the same department is offered', async () => {
    await addUser(t, 'sales2@example.com', 'requester', 'Sales');
    const colleague = await signIn(t, 'sales2@example.com');
    const r = await fileRequest(colleague, { title: 'Yarrowmere case study', typeId: banner });
    expect(keys(await similar(as.sales, 'yarrowmere'))).toEqual([r.id]);
  });

  it('open and delivered in the last 90 days are offered; delivered earlier and declined are not', async () => {
    // The clock stands at the demo's last day (2026-11-20); 90 days before is 2026-08-22.
    const open = await file(as.sales, 'Umbrabloom webinar deck');
    const recent = await file(as.sales, 'Umbrabloom webinar recording');
    const old = await file(as.sales, 'Umbrabloom webinar landing page');
    const declined = await file(as.sales, 'Umbrabloom webinar invite');
    const set = (id: number, status: 'done' | 'declined', completedAt: string) =>
      t.app.db
        .update(requests)
        .set({ status, completedAt, position: `zz${id}` })
        .where(eq(requests.id, id))
        .run();
    set(recent.id, 'done', '2026-08-25T10:00:00.000Z');
    set(old.id, 'done', '2026-08-20T10:00:00.000Z');
    set(declined.id, 'declined', '2026-11-19T10:00:00.000Z');
    const items = await similar(as.sales, 'umbrabloom webinar');
    expect(keys(items).sort()).toEqual([open.id, recent.id].sort());
    expect(items.find((i) => i.id === recent.id)?.status).toBe('done');
  });
});

describe('GET /api/requests/similar: the lowest id that may be offered, kept between lookups', () => {
  /**
   * A request closed long ago whose id is below every open or recently delivered one: lookups
   * skip it by rowid (offer-floor.ts), so reopening it must drop the kept floor.
   */
  function closedBelowFloor(): number {
    const since = new Date(t.app.clock().getTime() - 90 * 86_400_000).toISOString();
    const floor = t.app.db.$client
      .prepare(
        `select min(id) from requests where status in ('intake', 'planned', 'in_progress', 'in_review')
           or (status = 'done' and completed_at >= ?)`,
      )
      .pluck()
      .get(since) as number;
    const id = t.app.db.$client
      .prepare(`select max(id) from requests where id < ? and (status = 'declined' or (status = 'done' and completed_at < ?))`)
      .pluck()
      .get(floor, since) as number | null;
    if (id === null) throw new Error('the demo holds no closed request below the open ones');
    return id;
  }

  /** A board position above every card of the column, as a reopen would give. */
  const firstPosition = (status: string) =>
    generateKeyBetween(
      null,
      t.app.db.$client.prepare('select min(position) from requests where status = ?').pluck().get(status) as string | null,
    );

  it('a request reopened on this connection is offered at once', async () => {
    const id = closedBelowFloor();
    t.app.db.update(requests).set({ title: 'Saffronwick heliograph' }).where(eq(requests.id, id)).run();
    expect(keys(await similar(as.marketer, 'saffronwick heliograph'))).toEqual([]);
    t.app.db
      .update(requests)
      .set({ status: 'intake', completedAt: null, resolution: null, position: firstPosition('intake') })
      .where(eq(requests.id, id))
      .run();
    expect(keys(await similar(as.marketer, 'saffronwick heliograph'))).toEqual([id]);
  });

  it('a request reopened by another connection (a script) is offered at once', async () => {
    const id = closedBelowFloor();
    t.app.db.update(requests).set({ title: 'Cobaltine marrowfern' }).where(eq(requests.id, id)).run();
    expect(keys(await similar(as.marketer, 'cobaltine marrowfern'))).toEqual([]);
    const other = new Database(path.join(t.dir, 'test.db'));
    try {
      other
        .prepare(`update requests set status = 'planned', completed_at = null, resolution = null, position = ? where id = ?`)
        .run(firstPosition('planned'), id);
    } finally {
      other.close();
    }
    expect(keys(await similar(as.marketer, 'cobaltine marrowfern'))).toEqual([id]);
  });
});

describe('GET /api/requests/similar: any q', () => {
  const hostile = [
    '',
    ' ',
    'a',
    'a b c',
    '"',
    '""',
    '"quillwort',
    'quillwort"',
    '*',
    '**',
    'quill*',
    '-quillwort',
    'NOT quillwort',
    'quillwort AND',
    'OR OR OR',
    'NEAR(quillwort brochure, 2)',
    'NEAR',
    'title:quillwort',
    '{title brief}: quillwort',
    '^quillwort',
    'quillwort + brochure',
    "'; drop table requests; --",
    '\\',
    '%_%',
    '()',
    ')(',
    'émoji 🎉 ünïcödé ﷽',
    'שלום עולם',
    '日本語のタイトル',
    'e\u0301\u0301\u0301',
    '\u0301\u0301',
    '\u0000 null',
    'x'.repeat(200),
    'ab '.repeat(66) + 'ab',
    '"a"* OR "b"',
  ];

  it('answers 200 with a list for every q up to 200 characters, never a 5xx', async () => {
    for (const q of hostile) {
      const res = await as.sales.get(`/api/requests/similar?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, `q=${JSON.stringify(q)}: ${res.body}`).toBe(200);
      expect(Array.isArray(res.json().items), q).toBe(true);
      expectNoStackTrace(res);
    }
  });

  it('a q without a usable word answers an empty list', async () => {
    for (const q of ['', ' ', 'a', 'a b c', '"', '*', '-', 'the and of', '()']) expect(await similar(as.sales, q), q).toEqual([]);
  });

  it('FTS syntax typed in q is taken as words', async () => {
    // "NOT quillwort" is two words, "not" and "quillwort", not a negation that would drop both.
    const both = [quillwort.inTitle, quillwort.inBrief];
    expect(keys(await similar(as.marketer, 'NOT quillwort', '&limit=10'))).toEqual(expect.arrayContaining(both));
    expect(keys(await similar(as.marketer, '-quillwort'))).toEqual(both);
    expect(keys(await similar(as.marketer, '"quillwort'))).toEqual(both);
    expect(keys(await similar(as.marketer, 'title:quillwort'))).toEqual(expect.arrayContaining(both));
  });

  it('201 characters is refused with 400 naming q; no q at all too', async () => {
    const long = expectProblem(await as.sales.get(`/api/requests/similar?q=${'x'.repeat(201)}`), 400);
    expect(long.errors).toEqual([{ path: 'q', message: expect.any(String) }]);
    const none = expectProblem(await as.sales.get('/api/requests/similar'), 400);
    expect(none.errors).toEqual([{ path: 'q', message: expect.any(String) }]);
  });
});

describe('POST/DELETE /api/requests/:id/followers', () => {
  let salesRequest: Request;
  beforeAll(async () => {
    salesRequest = await file(as.sales, 'Vellichor trade show kit');
  });

  const followers = (id: number) =>
    t.app.db
      .select({ userId: requestFollowers.userId })
      .from(requestFollowers)
      .where(eq(requestFollowers.requestId, id))
      .all()
      .map((f) => f.userId)
      .sort((a, b) => a - b);
  const followActivity = (id: number) =>
    t.app.db
      .select({ actorId: activity.actorId, kind: activity.kind, field: activity.field, to: activity.toValue })
      .from(activity)
      .where(and(eq(activity.requestId, id), eq(activity.kind, 'followed')))
      .all();

  it('who may see the request may follow it (204); another department is told it does not exist (404)', async () => {
    const r = await file(as.sales, 'Vellichor booth lighting');
    expect((await as.sales.post(`/api/requests/${r.id}/followers`)).statusCode).toBe(204);
    expect((await as.marketer.post(`/api/requests/${r.id}/followers`)).statusCode).toBe(204);
    expect((await as.cmo.post(`/api/requests/${r.id}/followers`)).statusCode).toBe(204);
    expectProblem(await as.product.post(`/api/requests/${r.id}/followers`), 404);
    expectProblem(await del(as.exec, r.id), 404);
    expectProblem(await as.product.post('/api/requests/987654321/followers'), 404);
    expect(followers(r.id)).toEqual([as.sales.user.id, as.marketer.user.id, as.cmo.user.id].sort((a, b) => a - b));
  });

  it('following twice leaves one follower and one activity row; the source says whether a duplicate was avoided', async () => {
    await addUser(t, 'sales3@example.com', 'requester', 'Sales');
    const colleague = await signIn(t, 'sales3@example.com');
    const r = salesRequest;
    expect((await colleague.post(`/api/requests/${r.id}/followers`, { source: 'intake' })).statusCode).toBe(204);
    expect((await colleague.post(`/api/requests/${r.id}/followers`, { source: 'intake' })).statusCode).toBe(204);
    expect((await as.marketer.post(`/api/requests/${r.id}/followers`, {})).statusCode).toBe(204);
    expect(followers(r.id)).toEqual([colleague.user.id, as.marketer.user.id].sort((a, b) => a - b));
    expect(followActivity(r.id)).toEqual([
      { actorId: colleague.user.id, kind: 'followed', field: null, to: 'intake' },
      { actorId: as.marketer.user.id, kind: 'followed', field: null, to: 'request' },
    ]);
  });

  it('unfollowing twice is fine, and leaves no follower', async () => {
    const r = await file(as.sales, 'Vellichor lanyards');
    expect((await as.marketer.post(`/api/requests/${r.id}/followers`)).statusCode).toBe(204);
    expect((await del(as.marketer, r.id)).statusCode).toBe(204);
    expect((await del(as.marketer, r.id)).statusCode).toBe(204);
    expect(followers(r.id)).toEqual([]);
  });

  it('a body other than {source} is refused with 400 naming the field', async () => {
    const bad = expectProblem(await as.sales.post(`/api/requests/${salesRequest.id}/followers`, { source: 'email' }), 400);
    expect(bad.errors).toEqual([{ path: 'source', message: expect.any(String) }]);
    const extra = expectProblem(await as.sales.post(`/api/requests/${salesRequest.id}/followers`, { userId: as.cmo.user.id }), 400);
    expect(extra.errors).toEqual([{ path: 'userId', message: expect.any(String) }]);
  });

  it('GET /api/requests?following=true lists what the caller follows, and only that', async () => {
    await addUser(t, 'sales4@example.com', 'requester', 'Sales');
    const colleague = await signIn(t, 'sales4@example.com');
    const a = await file(as.sales, 'Vellichor tote bags');
    const b = await file(as.sales, 'Vellichor mugs');
    expect((await colleague.post(`/api/requests/${a.id}/followers`, { source: 'intake' })).statusCode).toBe(204);
    expect((await as.marketer.post(`/api/requests/${b.id}/followers`)).statusCode).toBe(204);
    expect(keys(await listAll(colleague, 'following=true'))).toEqual([a.id]);
    expect(keys(await listAll(as.product, 'following=true'))).toEqual([]);
    const marketerFollows = keys(await listAll(as.marketer, 'following=true'));
    expect(marketerFollows).toContain(b.id);
    expect(marketerFollows).not.toContain(a.id);
    // A request stays the caller's to read after following: the detail still answers.
    expect((await getRequest(colleague, a.id)).id).toBe(a.id);
  });

  it("the board filtered to following is one marketer's own, never another's from the read cache", async () => {
    await addUser(t, 'marketer2@example.com', 'marketer', 'Marketing');
    const other = await signIn(t, 'marketer2@example.com');
    const r = await file(as.sales, 'Vellichor banner stand');
    expect((await as.marketer.post(`/api/requests/${r.id}/followers`)).statusCode).toBe(204);
    const cards = async (caller: Caller) =>
      ok<{ columns: { cards: { id: number }[] }[] }>(await caller.get('/api/board?following=true')).columns.flatMap((c) => keys(c.cards));
    expect(await cards(as.marketer)).toContain(r.id);
    expect(await cards(other)).toEqual([]);
  });
});

describe('GET /api/requests/similar: past the ranked candidates', () => {
  it("a requester still finds their department's request behind more than the candidates of other departments", async () => {
    // The index ranks limit × candidatesPerResult (5 × 40 = 200) matches before rows are read.
    // 205 identical Product titles filed after the Sales one tie with it and win the tie (the
    // newest first), so all 200 candidates are Product's and the Sales request lies past them.
    const own = await file(as.sales, 'Nimbleweft quorraplex');
    const other = as.product.user;
    const insert = t.app.db.$client.prepare(
      `insert into requests (title, brief, type_id, requester_id, department_id, priority, status, position, created_at, updated_at)
       values ('Nimbleweft quorraplex', '', ?, ?, ?, 'normal', 'intake', ?, ?, ?)`,
    );
    const now = t.app.clock().toISOString();
    const ids = t.app.db.$client.transaction(() =>
      Array.from({ length: 205 }, (_, i) =>
        Number(insert.run(banner, other.id, other.departmentId, `zznimble${i}`, now, now).lastInsertRowid),
      ),
    )();
    expect(keys(await similar(as.sales, 'nimbleweft quorraplex'))).toEqual([own.id]);
    // Staff see the newest ten of the ties, newest first.
    const newest = [...ids].sort((a, b) => b - a).slice(0, 10);
    expect(keys(await similar(as.marketer, 'nimbleweft quorraplex', '&limit=10'))).toEqual(newest);
  });
});

// Last in the file: it grows the table past the size where common words start to be left out.
describe('GET /api/requests/similar: words in most requests', () => {
  it('past 1,000 requests, a word in more than half of them is left out: it weighs nothing in bm25', async () => {
    const owner = as.sales.user;
    const insert = t.app.db.$client.prepare(
      `insert into requests (title, brief, type_id, requester_id, department_id, priority, status, position, created_at, updated_at)
       values (?, 'Boilerplate template for every brief', ?, ?, ?, 'normal', 'intake', ?, ?, ?)`,
    );
    const now = t.app.clock().toISOString();
    t.app.db.$client.transaction(() => {
      for (let i = 0; i < 1200; i++) insert.run(`Filler ${i}`, banner, owner.id, owner.departmentId, `zzfill${i}`, now, now);
    })();
    // Without the rule the 1,200 fillers would follow the two quillwort requests, scored near zero.
    expect(keys(await similar(as.marketer, 'boilerplate quillwort', '&limit=10'))).toEqual([quillwort.inTitle, quillwort.inBrief]);
    expect(await similar(as.marketer, 'boilerplate template')).toEqual([]);
  });
});
