// Issue 15's realistic load: simulated people using the board as the web client does, rather than
// connections hammering it. Each user opens the board once (keeping its ETag), follows
// GET /api/events and reacts to each event as apps/web/src/app/live-updates.tsx does on an
// unfiltered board: a created or updated card, or a card's new logged time, is patched into the
// board it holds (no request), a rebalanced column refetches the board with If-None-Match, and a reconnected
// stream revalidates it the same way. Some users move cards at a human pace (a think time
// between moves); every user now and then comes back to the board (a window refocus, a return
// from a request page), which revalidates it with If-None-Match.
import http from 'node:http';
import { createRandom } from '../apps/api/src/db/seed/random';
import { percentile } from './load';
import { cpuTimeMs } from './server';

export interface RealisticOptions {
  url: string;
  /** One session cookie per simulated user, each a different person. */
  cookies: string[];
  /** How many of them move cards; the others only read. */
  movers: number;
  durationS: number;
  /** Pause between one user's moves, ms (uniform in the range). */
  thinkMs: [number, number];
  /** Pause between one user's returns to the board (revalidations), ms (uniform in the range). */
  returnMs: [number, number];
  /** Users open the board at random moments over this many ms from the start. */
  arrivalMs: number;
  serverPid: number;
  seed?: number;
}

export interface KindStats {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
}

export interface RealisticStats {
  users: number;
  movers: number;
  durationS: number;
  moves: KindStats & { perSecond: number; conflicts: number; unexpected: string[] };
  /** Every GET /api/board: first opens and revalidations. */
  boardReads: KindStats & { opens: number; revalidations: number; notModified: number; meanBytes200: number };
  /** The revalidations alone (If-None-Match sent): 304s and 200s. */
  revalidations: KindStats;
  /** Of the revalidations (If-None-Match sent), the share answered 304. */
  notModifiedShare: number;
  events: {
    /** Move events received over all streams, and how many were expected (moves × users). */
    delivered: number;
    expected: number;
    /** From the move request leaving the mover to the event arriving on another user's stream, ms. */
    lagP50: number;
    lagP99: number;
    lagMax: number;
    reconnects: number;
    /** Events that make every client on the board refetch it (a rebalanced column), as received on all streams. */
    refetching: number;
  };
  errors: number;
  /** Server CPU over the run, ms per second of wall clock (1000 = one CPU busy). */
  serverCpuMsPerS: number;
}

interface Card {
  id: number;
  status: string;
  version: number;
}
interface BoardBody {
  columns: { status: string; cards: Card[] }[];
}

const moveColumns = ['planned', 'in_progress', 'in_review'] as const;

const stats = (latencies: number[], statuses: Record<string, number>): KindStats => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    statuses,
  };
};

interface Answer {
  status: number;
  body: Buffer;
  etag: string | undefined;
}

function request(url: string, agent: http.Agent, method: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), etag: res.headers.etag }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function realisticLoad(o: RealisticOptions): Promise<RealisticStats> {
  const rnd = createRandom(o.seed ?? 15);
  const between = ([lo, hi]: [number, number]) => lo + rnd.next() * (hi - lo);
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

  // The cards movers take turns on, and anchors to drop them below, as the worst case does
  // (bench/api.ts): each mover owns its own share of the cards, so no two people drag the same one.
  const seedAgent = new http.Agent({ keepAlive: true });
  const first = await request(`${o.url}/api/board`, seedAgent, 'GET', { cookie: o.cookies[0]! });
  // A few untimed reads first, as a server that has been up a while has run its code hot.
  for (let i = 0; i < 10; i++) await request(`${o.url}/api/board`, seedAgent, 'GET', { cookie: o.cookies[i % o.cookies.length]! });
  seedAgent.destroy();
  if (first.status !== 200) throw new Error(`GET /api/board: ${first.status}`);
  const board = JSON.parse(first.body.toString()) as BoardBody;
  const initial = new Map<number, { status: string; version: number }>();
  for (const col of board.columns) for (const c of col.cards) initial.set(c.id, { status: c.status, version: c.version });
  const anchors = new Map<string, number[]>();
  const shares: number[][] = Array.from({ length: o.movers }, () => []);
  let n = 0;
  for (const status of moveColumns) {
    const cards = board.columns.find((c) => c.status === status)?.cards ?? [];
    anchors.set(
      status,
      cards.filter((_, i) => i % 2 === 0).map((c) => c.id),
    );
    for (const c of cards.filter((_, i) => i % 2 === 1)) shares[n++ % o.movers]!.push(c.id);
  }

  const moveLatencies: number[] = [];
  const moveStatuses: Record<string, number> = {};
  const unexpected: string[] = [];
  let conflicts = 0;
  const readLatencies: number[] = [];
  const revalidationLatencies: number[] = [];
  const readStatuses: Record<string, number> = {};
  let opens = 0;
  let revalidations = 0;
  let notModified = 0;
  let revalidatedNotModified = 0;
  let bytes200 = 0;
  let count200 = 0;
  let errors = 0;
  const lags: number[] = [];
  let delivered = 0;
  let reconnects = 0;
  let refetching = 0;
  /** `id:version` of each answered move → when its request left. */
  const sentAt = new Map<string, number>();
  let measuredMoves = 0;
  /** Moves answered 200, each an event every stream should carry. */
  let moved = 0;

  let stopping = false;
  const started = performance.now();
  const cpuBefore = cpuTimeMs(o.serverPid);
  const endAt = started + o.durationS * 1000;

  const user = async (index: number) => {
    const cookie = o.cookies[index]!;
    // A browser keeps connections open between requests; idle ones are let go before the server's
    // 5 s keep-alive timeout would close them under a request.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 5, timeout: 4000 });
    const streamAgent = new http.Agent({ keepAlive: false });
    let etag: string | undefined;
    /**
     * The cards this user holds, as far as a mover needs them: status and version by id. Taken
     * from the board read before the run (which each user's own open matches, as nothing moved in
     * between but what the events and answers below bring in): parsing a 1 MB board fifty times
     * would only take CPU from the server under test, which a browser elsewhere would not.
     */
    const held = new Map<number, { status: string; version: number }>();
    const mover = index < o.movers;
    if (mover) for (const id of shares[index]!) held.set(id, { ...initial.get(id)! });
    let stream: http.ClientRequest | undefined;
    let reading: Promise<void> | null = null;

    const readBoard = async (kind: 'open' | 'revalidate') => {
      const headers: Record<string, string> = { cookie };
      if (kind === 'revalidate' && etag) headers['if-none-match'] = etag;
      const t0 = performance.now();
      let answer: Answer;
      try {
        answer = await request(`${o.url}/api/board`, agent, 'GET', headers);
      } catch {
        errors++;
        return;
      }
      const took = performance.now() - t0;
      readLatencies.push(took);
      if (kind === 'revalidate') revalidationLatencies.push(took);
      readStatuses[answer.status] = (readStatuses[answer.status] ?? 0) + 1;
      if (kind === 'open') opens++;
      else revalidations++;
      if (answer.status === 304) {
        notModified++;
        if (headers['if-none-match']) revalidatedNotModified++;
        return;
      }
      if (answer.status !== 200) {
        errors++;
        return;
      }
      etag = answer.etag;
      bytes200 += answer.body.length;
      count200++;
    };
    // TanStack Query runs one fetch per query at a time: a refetch asked for during one joins it.
    const revalidate = () => (reading ??= readBoard('revalidate').finally(() => (reading = null)));

    const onEvent = (data: string) => {
      const event = JSON.parse(data) as { type: string; card?: Card };
      switch (event.type) {
        case 'request.created':
        case 'request.updated': {
          const card = event.card!;
          const at = sentAt.get(`${card.id}:${card.version}`);
          if (at !== undefined) {
            delivered++;
            lags.push(performance.now() - at);
          }
          // Patched into the board held (no request), as patchBoards does for an unfiltered board.
          const mine = held.get(card.id);
          if (mover && (!mine || mine.version < card.version)) held.set(card.id, { status: card.status, version: card.version });
          break;
        }
        // Logged time is patched into the card held (patchLoggedMinutes): no request.
        case 'column.rebalanced':
          refetching++;
          void revalidate();
          break;
        // Comments and notifications touch queries the board page does not show.
      }
    };

    const openStream = (reconnected: boolean) => {
      if (stopping) return;
      const req = http.get(`${o.url}/api/events`, { headers: { cookie, accept: 'text/event-stream' }, agent: streamAgent }, (res) => {
        if (res.statusCode !== 200) {
          errors++;
          res.resume();
          return;
        }
        if (reconnected) void revalidate();
        let buffered = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffered += chunk;
          for (let end = buffered.indexOf('\n\n'); end !== -1; end = buffered.indexOf('\n\n')) {
            const message = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const data = message.split('\n').find((line) => line.startsWith('data: '));
            if (data) onEvent(data.slice(6));
          }
        });
        res.on('end', () => {
          if (stopping) return;
          // EventSource reconnects after the server's `retry: 3000`, then the client revalidates.
          reconnects++;
          setTimeout(() => openStream(true), 3000);
        });
        res.on('error', () => undefined);
      });
      req.on('error', () => undefined);
      stream = req;
    };

    const moveOne = async (): Promise<void> => {
      const share = shares[index]!;
      const id = share.shift()!;
      share.push(id);
      const card = held.get(id);
      if (!card) return;
      const status = moveColumns[(moveColumns.indexOf(card.status as (typeof moveColumns)[number]) + 1) % moveColumns.length]!;
      const targets = anchors.get(status)!;
      const beforeId = targets[Math.floor(rnd.next() * targets.length)];
      const t0 = performance.now();
      // A move raises the card's version by one: its event names that version, and may arrive
      // on other streams before the mover has its answer.
      const key = `${id}:${card.version + 1}`;
      sentAt.set(key, t0);
      let answer: Answer;
      try {
        answer = await request(
          `${o.url}/api/requests/${id}/move`,
          agent,
          'POST',
          { cookie, 'content-type': 'application/json' },
          JSON.stringify({ status, beforeId, version: card.version }),
        );
      } catch {
        sentAt.delete(key);
        errors++;
        return;
      }
      if (answer.status !== 200) sentAt.delete(key);
      else moved++;
      if (stopping && performance.now() > endAt) return;
      moveLatencies.push(performance.now() - t0);
      measuredMoves++;
      moveStatuses[answer.status] = (moveStatuses[answer.status] ?? 0) + 1;
      const parsed = JSON.parse(answer.body.toString()) as Partial<Card> & { current?: Card };
      const now = answer.status === 200 ? parsed : answer.status === 409 ? parsed.current : undefined;
      if (answer.status === 409) conflicts++;
      if (answer.status !== 200) {
        errors++;
        if (unexpected.length < 5) unexpected.push(`${answer.status} card ${id}: ${answer.body.toString().slice(0, 300)}`);
      }
      if (now?.version !== undefined && now.status !== undefined) {
        const mine = held.get(id);
        if (!mine || mine.version < now.version) held.set(id, { status: now.status, version: now.version });
      }
    };

    await sleep(rnd.next() * o.arrivalMs);
    await readBoard('open');
    openStream(false);
    const work = async () => {
      // The first move or return comes after a first think time, as a person looks before acting.
      let nextMove = mover ? performance.now() + between(o.thinkMs) : Infinity;
      let nextReturn = performance.now() + between(o.returnMs);
      while (!stopping) {
        const wake = Math.min(nextMove, nextReturn, endAt);
        await sleep(Math.max(0, wake - performance.now()));
        if (stopping || performance.now() >= endAt) break;
        if (performance.now() >= nextMove) {
          await moveOne();
          nextMove = performance.now() + between(o.thinkMs);
        }
        if (performance.now() >= nextReturn) {
          await revalidate();
          nextReturn = performance.now() + between(o.returnMs);
        }
      }
    };
    await work();
    await reading;
    return () => {
      stream?.destroy();
      agent.destroy();
      streamAgent.destroy();
    };
  };

  const stop = setTimeout(() => (stopping = true), o.durationS * 1000);
  const closers = await Promise.all(o.cookies.map((_, i) => user(i)));
  stopping = true;
  clearTimeout(stop);
  const wallS = (performance.now() - started) / 1000;
  const cpuMs = cpuTimeMs(o.serverPid) - cpuBefore;
  // Events still on their way when the last user stopped are given a moment to arrive.
  await sleep(500);
  for (const close of closers) close();

  const moves = stats(moveLatencies, moveStatuses);
  const reads = stats(readLatencies, readStatuses);
  lags.sort((a, b) => a - b);
  return {
    users: o.cookies.length,
    movers: o.movers,
    durationS: wallS,
    moves: { ...moves, perSecond: measuredMoves / wallS, conflicts, unexpected },
    boardReads: { ...reads, opens, revalidations, notModified, meanBytes200: count200 ? bytes200 / count200 : 0 },
    revalidations: stats(revalidationLatencies, {}),
    notModifiedShare: revalidations ? revalidatedNotModified / revalidations : NaN,
    events: {
      delivered,
      expected: moved * o.cookies.length,
      lagP50: percentile(lags, 0.5),
      lagP99: percentile(lags, 0.99),
      lagMax: lags[lags.length - 1] ?? NaN,
      reconnects,
      refetching,
    },
    errors,
    serverCpuMsPerS: cpuMs / wallS,
  };
}
