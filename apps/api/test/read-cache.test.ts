import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '@altitude/shared/requests';
import { stableJson } from '../src/plugins/read-cache';
import type { TestApp } from './harness';
import {
  createDemoApp,
  fileRequest,
  ok,
  requestTypeId,
  signIn,
  signInDemoAccounts,
  type Caller,
  type DemoCallers,
} from './request-helpers';

/**
 * The read cache keys an answer by what the handler reads (route, validated query) and, when the
 * answer is personal (`mine`), by who asked: however the URL spells `mine`, one person's board is
 * never served to another.
 */

let t: TestApp;
let as: DemoCallers;
let nina: Caller;
/** A request filed by each of the three, so each one's `mine` board differs from the others'. */
const own = new Map<number, number>();

beforeAll(async () => {
  t = await createDemoApp();
  as = await signInDemoAccounts(t);
  nina = await signIn(t, 'nina.marketing@example.com');
  const typeId = await requestTypeId(as.marketer, 'Event banner');
  for (const caller of [as.marketer, as.cmo, nina])
    own.set(caller.user.id, (await fileRequest(caller, { title: `Filed by ${caller.user.email}`, typeId })).id);
});
afterAll(() => t.app.close());

const cardIds = (board: Board) => board.columns.flatMap((c) => c.cards.map((card) => card.id));
/** The board's requesters: with `mine`, only the caller. */
const requesters = (board: Board) => new Set(board.columns.flatMap((c) => c.cards.map((card) => card.requesterId)));

async function board(caller: Caller, query: string) {
  const res = await caller.get(`/api/board${query}`);
  return { board: ok<Board>(res), hit: res.headers['x-cache'] === 'hit' };
}

describe('personal answers are kept per user', () => {
  it.each(['?%6Dine=true', '?mine=1', '?%6d%69%6e%65=%74rue', '?mine=true&overdue=false', '?overdue=0&mine=true'])(
    'a marketer reads %s, then the lead and another marketer read the same URL: each gets their own board',
    async (query) => {
      const first = await board(as.marketer, query);
      expect(requesters(first.board)).toEqual(new Set([as.marketer.user.id]));
      expect(cardIds(first.board)).toContain(own.get(as.marketer.user.id));
      for (const other of [as.cmo, nina]) {
        // A hit is fine as long as it is their own answer (an earlier spelling of the same query).
        const theirs = await board(other, query);
        expect(requesters(theirs.board)).toEqual(new Set([other.user.id]));
        expect(cardIds(theirs.board)).toContain(own.get(other.user.id));
        expect(cardIds(theirs.board)).not.toContain(own.get(as.marketer.user.id));
      }
    },
  );

  it('the same person asking `mine` in another spelling or order is served from the cache, and the answer is theirs', async () => {
    const first = await board(as.marketer, '?mine=true&overdue=false');
    const again = await board(as.marketer, '?overdue=0&%6Dine=1');
    expect(again.hit).toBe(true);
    expect(again.board).toEqual(first.board);
  });

  it('an answer that does not depend on who asks is shared: parameter order and spelling do not matter', async () => {
    const first = await board(as.marketer, '?classification=strategic&overdue=false');
    expect(first.hit).toBe(false);
    const lead = await board(as.cmo, '?overdue=0&classification=strategic');
    expect(lead.board).toEqual(first.board);
    expect((await board(nina, '?%6Fverdue=false&classification=strategic')).hit).toBe(true);
  });

  it('a further page of a closed column with `mine` is kept per user too', async () => {
    const a = ok<{ cards: { requesterId: number }[] }>(await as.marketer.get('/api/board/columns/done?%6Dine=true'));
    const b = await as.cmo.get('/api/board/columns/done?%6Dine=true');
    expect(b.headers['x-cache']).toBeUndefined();
    for (const card of ok<{ cards: { requesterId: number }[] }>(b).cards) expect(card.requesterId).toBe(as.cmo.user.id);
    for (const card of a.cards) expect(card.requesterId).toBe(as.marketer.user.id);
  });
});

describe('stable keys', () => {
  it('serialises objects with sorted keys at every depth and keeps array order', () => {
    expect(stableJson({ b: 1, a: { d: [2, 1], c: true } })).toBe('{"a":{"c":true,"d":[2,1]},"b":1}');
    expect(stableJson({ mine: true, q: 'x' })).toBe(stableJson({ q: 'x', mine: true }));
  });
});
