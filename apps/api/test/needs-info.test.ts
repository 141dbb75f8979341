import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ChangeEvent } from '@altitude/shared/events';
import type { Request } from '@altitude/shared/requests';
import type { NeedsInfoRound } from '@altitude/shared/service-levels';
import { requests } from '../src/db/schema';
import { createTestApp, demoToday, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { ok, signIn, type Caller } from './request-helpers';
import { totalChanges } from './route-calls';

/**
 * Needs info (PRODUCT.md, API v2: `POST /api/requests/:id/needs-info {question, version}`,
 * marketer+; `POST /api/requests/:id/answer {body}`, the requester or their department; and
 * `GET /api/requests/:id/needs-info`, whoever may see the request). The clock is injected and
 * moved by hand; the company runs on UTC, Monday to Friday 09:00–17:00 (480 business minutes a
 * day), with Monday 2026-11-09 a holiday. Every expected figure is worked out in the comments.
 *
 * The paused minutes are not part of the API (a request answers its SLA state), so they are read
 * from the database row; the state is read from the answers of the API at the injected clock.
 */

let clock = demoToday;
let t: TestApp;
const events: ChangeEvent[] = [];
/** A two-business-day type, made for these tests: its budget is easy to count by hand. */
let twoDayType: number;

const at = (iso: string) => (clock = new Date(iso));
/**
 * `email` signed in; again when the clock has jumped (a session idles out after 12 hours, and
 * the clock moves days), so each step reuses a live session rather than paying for a sign-in.
 */
const sessions = new Map<string, { caller: Caller; since: number; used: number }>();
async function as(email: string): Promise<Caller> {
  const kept = sessions.get(email);
  const now = clock.getTime();
  const hour = 3_600_000;
  if (kept && now >= kept.used && now - kept.used < 11 * hour && now - kept.since < 13 * 24 * hour) {
    kept.used = now;
    return kept.caller;
  }
  const caller = await signIn(t, email);
  sessions.set(email, { caller, since: now, used: now });
  return caller;
}
const row = (id: number) => t.app.db.select().from(requests).where(eq(requests.id, id)).get()!;

beforeAll(async () => {
  t = await createTestApp({ seed: 'demo', now: () => clock });
  t.app.events.subscribe((e) => events.push(e));
  const cmo = await as('cmo@example.com');
  ok(await cmo.put('/api/settings/company', { timezone: 'UTC' }));
  ok(await cmo.put('/api/settings/holidays', { items: [{ date: '2026-11-09', name: 'Staff day' }] }));
  twoDayType = ok<{ id: number }>(
    await cmo.post('/api/request-types', { name: 'Two-day banner', turnaroundDays: 2, defaultClassification: 'tactical' }),
    201,
  ).id;
});
afterAll(() => t.app.close());

async function file(title: string, when: string, email = 'sales@example.com'): Promise<Request> {
  at(when);
  return ok<Request>(await (await as(email)).post('/api/requests', { title, typeId: twoDayType }), 201);
}

async function ask(id: number, when: string, question = 'Which regions does it cover?'): Promise<Request> {
  at(when);
  const marketer = await as('marketer@example.com');
  const { version } = ok<Request>(await marketer.get(`/api/requests/${id}`));
  return ok<Request>(await marketer.post(`/api/requests/${id}/needs-info`, { question, version }));
}

async function answer(id: number, when: string, body = 'Portugal and Galicia.', email = 'sales@example.com'): Promise<Request> {
  at(when);
  return ok<Request>(await (await as(email)).post(`/api/requests/${id}/answer`, { body }));
}

describe('the clock stands still while a request waits on its requester', () => {
  it('asked Monday 10:00 and answered Tuesday 11:00: 540 business minutes paused, and the clock resumes from where it stood', async () => {
    // Filed Monday 2026-11-02 09:00; two business days → expected by Wednesday 2026-11-04 17:00.
    // Budget: Mon 09–17 (480) + Tue (480) + Wed (480) = 1440 minutes; at risk from 0.75 × 1440 = 1080.
    const filed = await file('Banner for the Porto roadshow', '2026-11-02T09:00:00.000Z');
    expect(filed).toMatchObject({ expectedBy: '2026-11-04', waitingOn: null, needsInfoRounds: 0 });

    const asked = await ask(filed.id, '2026-11-02T10:00:00.000Z');
    expect(asked).toMatchObject({ waitingOn: 'requester', slaState: 'paused', needsInfoRounds: 1, version: filed.version + 1 });
    expect(row(filed.id)).toMatchObject({
      pausedSince: '2026-11-02T10:00:00.000Z',
      pausedMinutes: 0,
      firstResponseAt: '2026-11-02T10:00:00.000Z',
    });
    // Time passes while it waits: still paused the next morning (a pause does not depend on the hour).
    at('2026-11-03T10:30:00.000Z');
    expect(ok<Request>(await (await as('marketer@example.com')).get(`/api/requests/${filed.id}`)).slaState).toBe('paused');

    const answered = await answer(filed.id, '2026-11-03T11:00:00.000Z');
    // Paused: Monday 10:00–17:00 (420) + Tuesday 09:00–11:00 (120) = 540.
    expect(row(filed.id)).toMatchObject({ pausedMinutes: 540, pausedSince: null, waitingOn: null });
    // Used at the answer: Mon 480 + Tue 120 = 600 elapsed − 540 paused = 60 of 1440 → on track.
    expect(answered).toMatchObject({ waitingOn: null, slaState: 'on_track', needsInfoRounds: 1, version: asked.version + 1 });
  });

  it('a request at risk when asked is at risk again once answered, not breached: the wait is not charged', async () => {
    // Filed Monday 2026-11-23 09:00, expected Wednesday 25th 17:00: budget 1440, at risk from 1080.
    const filed = await file('Trade-show badge sheet', '2026-11-23T09:00:00.000Z');
    // Asked Wednesday 11:00: used Mon 480 + Tue 480 + Wed 120 = 1080, at risk; now paused.
    expect((await ask(filed.id, '2026-11-25T11:00:00.000Z')).slaState).toBe('paused');
    // Answered Thursday 10:00: paused Wed 11–17 (360) + Thu 09–10 (60) = 420; elapsed 1440 + 60 = 1500,
    // used 1500 − 420 = 1080 → at risk (without the pause, 1500 > 1440 would be breached).
    const answered = await answer(filed.id, '2026-11-26T10:00:00.000Z');
    expect(row(filed.id).pausedMinutes).toBe(420);
    expect(answered.slaState).toBe('at_risk');
  });

  it('a pause over a weekend and a holiday counts only the business minutes on either side: 180', async () => {
    // Filed Thursday 2026-11-05 09:00; two business days: Friday 6th, (Monday 9th a holiday), Tuesday 10th.
    const filed = await file('Case study one-pager', '2026-11-05T09:00:00.000Z');
    expect(filed.expectedBy).toBe('2026-11-10');
    // Asked Friday 15:00, answered Tuesday 10:00: Fri 15–17 (120) + Sat, Sun, holiday Mon (0) + Tue 09–10 (60) = 180.
    await ask(filed.id, '2026-11-06T15:00:00.000Z');
    const answered = await answer(filed.id, '2026-11-10T10:00:00.000Z');
    expect(row(filed.id).pausedMinutes).toBe(180);
    // Budget Thu + Fri + Tue = 1440; used Thu 480 + Fri 480 + Tue 60 = 1020 − 180 = 840 < 1080 → on track.
    expect(answered.slaState).toBe('on_track');
  });

  it('rounds add up: two rounds on business days and one asked and answered outside hours (0 minutes), three rounds counted', async () => {
    const filed = await file('Deck for the partner summit', '2026-11-16T09:00:00.000Z');
    // Round 1: Monday 13:00–16:00 = 180.
    await ask(filed.id, '2026-11-16T13:00:00.000Z', 'Who presents it?');
    await answer(filed.id, '2026-11-16T16:00:00.000Z', 'Our VP of partnerships.');
    expect(row(filed.id).pausedMinutes).toBe(180);
    // Round 2: Tuesday 16:30–17:00 (30) + Wednesday 09:00–09:15 (15) = 45; 180 + 45 = 225.
    await ask(filed.id, '2026-11-17T16:30:00.000Z', 'How many slides?');
    const second = await answer(filed.id, '2026-11-18T09:15:00.000Z', 'Twelve at most.', 'liam.sales@example.com');
    expect(second.needsInfoRounds).toBe(2);
    expect(row(filed.id).pausedMinutes).toBe(225);
    // Round 3: Wednesday 17:30 to Thursday 08:45 lies wholly outside business hours: 0; still 225.
    await ask(filed.id, '2026-11-18T17:30:00.000Z', 'Any logo to add?');
    const third = await answer(filed.id, '2026-11-19T08:45:00.000Z', 'No.');
    expect(third.needsInfoRounds).toBe(3);
    expect(row(filed.id)).toMatchObject({ pausedMinutes: 225, firstResponseAt: '2026-11-16T13:00:00.000Z' });

    const sales = await as('sales@example.com');
    const marketer = await as('marketer@example.com');
    const liam = await as('liam.sales@example.com');
    const rounds = ok<{ items: NeedsInfoRound[] }>(await sales.get(`/api/requests/${filed.id}/needs-info`)).items;
    expect(rounds.map(({ id: _id, ...r }) => r)).toEqual([
      {
        requestId: filed.id,
        question: 'Who presents it?',
        askedById: marketer.user.id,
        askedAt: '2026-11-16T13:00:00.000Z',
        answer: 'Our VP of partnerships.',
        answeredById: sales.user.id,
        answeredAt: '2026-11-16T16:00:00.000Z',
      },
      {
        requestId: filed.id,
        question: 'How many slides?',
        askedById: marketer.user.id,
        askedAt: '2026-11-17T16:30:00.000Z',
        answer: 'Twelve at most.',
        answeredById: liam.user.id,
        answeredAt: '2026-11-18T09:15:00.000Z',
      },
      {
        requestId: filed.id,
        question: 'Any logo to add?',
        askedById: marketer.user.id,
        askedAt: '2026-11-18T17:30:00.000Z',
        answer: 'No.',
        answeredById: sales.user.id,
        answeredAt: '2026-11-19T08:45:00.000Z',
      },
    ]);
    // The history says who asked and who answered, with the texts.
    const history = ok<{ items: { kind: string; actorId: number; to: string | null }[] }>(
      await sales.get(`/api/requests/${filed.id}/activity`),
    ).items.filter((a) => a.kind === 'needs_info' || a.kind === 'answered');
    expect(history.slice(0, 2)).toEqual([
      expect.objectContaining({ kind: 'needs_info', actorId: marketer.user.id, to: 'Who presents it?' }),
      expect.objectContaining({ kind: 'answered', actorId: sales.user.id, to: 'Our VP of partnerships.' }),
    ]);
    expect(history).toHaveLength(6);
  });

  it('the board hears of the question and of the answer, as a card that waits and then does not', async () => {
    const filed = await file('Flyer for the trade fair', '2026-11-19T09:00:00.000Z');
    events.length = 0;
    await ask(filed.id, '2026-11-19T10:00:00.000Z');
    await answer(filed.id, '2026-11-19T11:00:00.000Z');
    const cards = events.flatMap((e) => (e.type === 'request.updated' && e.card.id === filed.id ? [e.card] : []));
    expect(cards.map((c) => [c.waitingOn, c.slaState, c.needsInfoRounds])).toEqual([
      ['requester', 'paused', 1],
      [null, 'on_track', 1],
    ]);
  });
});

describe('who asks and who answers', () => {
  let id: number;
  let callers: Record<'sales' | 'liam' | 'product' | 'exec' | 'marketer' | 'cmo', Caller>;
  beforeAll(async () => {
    id = (await file('Battlecard refresh', '2026-11-20T09:00:00.000Z')).id;
    at('2026-11-20T10:00:00.000Z');
    callers = {
      sales: await as('sales@example.com'),
      liam: await as('liam.sales@example.com'),
      product: await as('product@example.com'),
      exec: await as('exec@example.com'),
      marketer: await as('marketer@example.com'),
      cmo: await as('cmo@example.com'),
    };
  });
  const version = () => row(id).version;

  it('a requester cannot ask (403 by role); a lead can, as marketers do', async () => {
    expect(
      expectProblem(await callers.sales.post(`/api/requests/${id}/needs-info`, { question: 'Me?', version: version() }), 403).code,
    ).toBe('auth.forbidden');
    ok(await callers.cmo.post(`/api/requests/${id}/needs-info`, { question: 'Which segment?', version: version() }));
    expect(row(id).waitingOn).toBe('requester');
  });

  it.each([
    ['a requester of another department', 'product', 404, 'request.not_found'],
    ['an executive who reads Insights but is not of Sales', 'exec', 404, 'request.not_found'],
    ['the marketer (marketing asked; it does not answer itself)', 'marketer', 403, 'request.answer_by_requester'],
    ['a lead (neither does a lead: the answer restarts the clock)', 'cmo', 403, 'request.answer_by_requester'],
  ] as const)('%s cannot answer (signed in as %s: %d), and nothing changes', async (_who, caller, status, code) => {
    const changes = totalChanges(t.app.db);
    expect(expectProblem(await callers[caller].post(`/api/requests/${id}/answer`, { body: 'Mid-market' }), status).code).toBe(code);
    expect(totalChanges(t.app.db)).toBe(changes);
    expect(row(id).waitingOn).toBe('requester');
  });

  it("another department's requester cannot read the rounds either (404); the requester's colleagues can", async () => {
    expectProblem(await callers.product.get(`/api/requests/${id}/needs-info`), 404);
    expect(ok<{ items: unknown[] }>(await callers.liam.get(`/api/requests/${id}/needs-info`)).items).toHaveLength(1);
    expect(ok<{ items: unknown[] }>(await callers.marketer.get(`/api/requests/${id}/needs-info`)).items).toHaveLength(1);
  });

  it("a colleague of the requester's department answers for them", async () => {
    ok(await callers.liam.post(`/api/requests/${id}/answer`, { body: 'Mid-market' }));
    expect(row(id)).toMatchObject({ waitingOn: null, pausedSince: null });
  });

  it('a marketer who filed a request themselves answers a colleague’s question on it', async () => {
    const own = await file('Brand book update', '2026-11-20T11:00:00.000Z', 'nina.marketing@example.com');
    await ask(own.id, '2026-11-20T11:30:00.000Z');
    expect((await answer(own.id, '2026-11-20T12:00:00.000Z', 'The 2027 palette.', 'nina.marketing@example.com')).waitingOn).toBeNull();
  });
});

describe('refusals: stale, closed, already waiting, nothing asked, bad input', () => {
  let id: number;
  let marketer: Caller;
  let sales: Caller;
  beforeAll(async () => {
    id = (await file('Webinar landing page', '2026-11-23T09:00:00.000Z')).id;
    at('2026-11-23T10:00:00.000Z');
    marketer = await as('marketer@example.com');
    sales = await as('sales@example.com');
  });

  it('an answer when nothing is asked is a 409 request.not_waiting', async () => {
    // A first call keeps the session alive (a write of its own), so the count below is the answer's alone.
    ok(await sales.get('/api/auth/me'));
    const changes = totalChanges(t.app.db);
    expect(expectProblem(await sales.post(`/api/requests/${id}/answer`, { body: 'Unasked' }), 409).code).toBe('request.not_waiting');
    expect(totalChanges(t.app.db)).toBe(changes);
  });

  it('a stale version is a 409 carrying the request as it now stands', async () => {
    const stale = row(id).version;
    ok(await marketer.patch(`/api/requests/${id}`, { version: stale, priority: 'high' }));
    const problem = expectProblem(await marketer.post(`/api/requests/${id}/needs-info`, { question: 'Stale?', version: stale }), 409);
    expect(problem.code).toBe('request.version_conflict');
    expect((problem as unknown as { current: Request }).current).toMatchObject({ id, version: stale + 1, waitingOn: null });
  });

  it('a second question while one waits is a 409 request.already_waiting; a second answer is a 409 request.not_waiting', async () => {
    ok(await marketer.post(`/api/requests/${id}/needs-info`, { question: 'Which date?', version: row(id).version }));
    const changes = totalChanges(t.app.db);
    const again = await marketer.post(`/api/requests/${id}/needs-info`, { question: 'And the venue?', version: row(id).version });
    expect(expectProblem(again, 409).code).toBe('request.already_waiting');
    expect(totalChanges(t.app.db)).toBe(changes);
    expect(row(id).needsInfoRounds).toBe(1);
    ok(await sales.post(`/api/requests/${id}/answer`, { body: 'The 14th.' }));
    expect(expectProblem(await sales.post(`/api/requests/${id}/answer`, { body: 'Twice' }), 409).code).toBe('request.not_waiting');
  });

  it('a closed request cannot be asked: 409 naming its status', async () => {
    ok(await marketer.post(`/api/requests/${id}/move`, { status: 'declined', version: row(id).version }));
    const problem = expectProblem(
      await marketer.post(`/api/requests/${id}/needs-info`, { question: 'Still?', version: row(id).version }),
      409,
    );
    expect(problem.code).toBe('request.closed');
    expect(problem.errors).toEqual([{ path: 'status', message: expect.stringContaining('declined') }]);
  });

  it.each([
    ['a blank question', { question: '   ', version: 1 }, 'question'],
    ['no version', { question: 'Which date?' }, 'version'],
    ['an unknown field', { question: 'Which date?', version: 1, urgent: true }, 'urgent'],
  ])('%s is a 400 naming the field', async (_what, body, path) => {
    expect(expectProblem(await marketer.post(`/api/requests/${id}/needs-info`, body), 400).errors).toEqual([
      { path, message: expect.any(String) },
    ]);
  });

  it('a blank answer is a 400 naming body', async () => {
    expect(expectProblem(await sales.post(`/api/requests/${id}/answer`, { body: '' }), 400).errors).toEqual([
      { path: 'body', message: expect.any(String) },
    ]);
  });
});
