// The API workloads: board reads, moves (each with the card's current version), creates, reports, exports.
import type autocannon from 'autocannon';
import { createRandom } from '../apps/api/src/db/seed/random';
import { get, percentile, runLoad, sample, type LoadStats, type Samples } from './load';
import { cpuTimeMs } from './server';

interface BoardCard {
  id: number;
  status: string;
  version: number;
}
interface BoardBody {
  columns: { status: string; count: number; cards: BoardCard[] }[];
}

const json = (cookie: string) => ({ cookie, 'content-type': 'application/json' });

/** A running server and who calls it: base URL, session cookie, the pid whose CPU time is charged. */
export interface Client {
  url: string;
  cookie: string;
  pid: number;
}

/**
 * Waits until the server has answered what is queued before: requests still in flight when a
 * warm-up stops would otherwise be served during the next measured run.
 */
export async function drain(url: string): Promise<void> {
  await (await fetch(`${url}/api/health`)).arrayBuffer();
}

export async function readBoard(url: string, cookie: string): Promise<BoardBody> {
  const res = await fetch(`${url}/api/board`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET /api/board: ${res.status}`);
  return (await res.json()) as BoardBody;
}

/** GET /api/board with `connections` clients for `durationS`, after a short warm-up. */
export async function boardLoad({ url, cookie, pid }: Client, connections: number, durationS: number): Promise<LoadStats> {
  await runLoad({ url: `${url}/api/board`, connections, durationS: Math.min(2, durationS), expect: 200, headers: { cookie } });
  await drain(url);
  const stats = await runLoad({ url: `${url}/api/board`, connections, durationS, expect: 200, headers: { cookie }, serverPid: pid });
  await drain(url);
  return stats;
}

/** GET /api/auth/me: a signed-in request that only resolves the session, the floor under every API call. */
export async function floorLoad({ url, cookie, pid }: Client, connections: number, durationS: number): Promise<LoadStats> {
  await runLoad({ url: `${url}/api/auth/me`, connections, durationS: Math.min(2, durationS), expect: 200, headers: { cookie } });
  await drain(url);
  const stats = await runLoad({ url: `${url}/api/auth/me`, connections, durationS, expect: 200, headers: { cookie }, serverPid: pid });
  await drain(url);
  return stats;
}

/**
 * A real change to the data, cheap and harmless to the workload: the classification of one card
 * in progress flips between strategic and tactical. Any read cache must drop what it holds, so
 * the read after it is computed afresh, as after a colleague's change on a working day.
 */
export async function changer({ url, cookie }: Client): Promise<() => Promise<void>> {
  const board = await readBoard(url, cookie);
  const card = board.columns.find((c) => c.status === 'in_progress')?.cards[0];
  if (!card) throw new Error('no card in progress to change');
  let strategic = false;
  let version = card.version;
  return async () => {
    strategic = !strategic;
    // The write carries the version it last read, and a note for a class against the type's default.
    const res = await fetch(`${url}/api/requests/${card.id}/classification`, {
      method: 'PUT',
      headers: json(cookie),
      body: JSON.stringify({ classification: strategic ? 'strategic' : 'tactical', note: 'Bench: a colleague reclassifies', version }),
    });
    if (!res.ok) throw new Error(`PUT classification: ${res.status} ${await res.text()}`);
    version = ((await res.json()) as { version: number }).version;
  };
}

export interface ColdStats {
  samples: number;
  p50: number;
  p90: number;
  p95: number;
  max: number;
  statuses: Record<string, number>;
  cacheHits: number;
  bytes: number;
  /** Server CPU per read, the change before it excluded (measured separately and subtracted). */
  serverCpuMsPerRequest: number;
}

const coldStats = (s: Samples, serverCpuMsPerRequest: number): ColdStats => ({
  samples: s.latencies.length,
  p50: percentile(s.latencies, 0.5),
  p90: percentile(s.latencies, 0.9),
  p95: percentile(s.latencies, 0.95),
  max: s.latencies[s.latencies.length - 1] ?? NaN,
  statuses: s.statuses,
  cacheHits: s.cacheHits,
  bytes: s.bytes,
  serverCpuMsPerRequest,
});

/** Server CPU per call of `change` alone, to take out of the figures of reads that follow one. */
async function changeCpuMs(pid: number, change: () => Promise<void>, n = 30): Promise<number> {
  const before = cpuTimeMs(pid);
  for (let i = 0; i < n; i++) await change();
  return (cpuTimeMs(pid) - before) / n;
}

/** `GET path`, one client, each read right after a change to the data (so never from a cache). */
export async function coldReads(client: Client, path: string, count: number, change: () => Promise<void>): Promise<ColdStats> {
  const perChange = await changeCpuMs(client.pid, change);
  const before = cpuTimeMs(client.pid);
  const s = await sample(`${client.url}${path}`, client.cookie, count, 2, change);
  return coldStats(s, (cpuTimeMs(client.pid) - before) / (count + 2) - perChange);
}

const moveColumns = ['planned', 'in_progress', 'in_review'] as const;

export interface MoveStats extends LoadStats {
  /** 409s: none are expected, since no two clients ever hold the same card. */
  conflicts: number;
  /** Cards in rotation and anchors (cards that stay put and serve as drop targets). */
  pool: number;
  anchors: number;
  /** The first few answers other than 200, to say what went wrong. */
  unexpected: string[];
}

/**
 * Moves cards between planned, in progress and in review, each dropped right below a random
 * anchor card of the target column (as a drag does). The cards in rotation form one queue: a
 * client takes the next card, sends the version it holds, and puts it back with the version
 * the server answered, so no card is ever in flight twice and no 409 is expected.
 */
export async function moveLoad({ url, cookie, pid }: Client, connections: number, durationS: number, warmupS = 2): Promise<MoveStats> {
  // One pool for the warm-up and the measured run: a card whose answer never came back (the
  // clock stopped with it in flight) is simply not used again, so no card is ever sent with a
  // version or column the client did not see answered.
  const board = await readBoard(url, cookie);
  const rnd = createRandom(connections * 1000 + durationS);
  const anchors = new Map<string, number[]>();
  const pool: BoardCard[] = [];
  for (const status of moveColumns) {
    const cards = board.columns.find((c) => c.status === status)?.cards ?? [];
    anchors.set(
      status,
      cards.filter((_, i) => i % 2 === 0).map((c) => c.id),
    );
    pool.push(...cards.filter((_, i) => i % 2 === 1));
  }
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  if (pool.length < connections * 8) throw new Error(`only ${pool.length} cards to move`);
  const run = async (seconds: number, serverPid?: number): Promise<MoveStats> => {
    let conflicts = 0;
    const unexpected: string[] = [];
    type Ctx = { card?: BoardCard };
    const request: autocannon.Request = {
      method: 'POST',
      path: '/api/requests/0/move',
      headers: json(cookie),
      setupRequest: (req, context) => {
        const card = pool.shift()!;
        (context as Ctx).card = card;
        const status = moveColumns[(moveColumns.indexOf(card.status as (typeof moveColumns)[number]) + 1) % moveColumns.length]!;
        const targets = anchors.get(status)!;
        const beforeId = targets[Math.floor(rnd.next() * targets.length)];
        return { ...req, path: `/api/requests/${card.id}/move`, body: JSON.stringify({ status, beforeId, version: card.version }) };
      },
      onResponse: (status, body, context) => {
        const card = (context as Ctx).card!;
        try {
          const parsed = JSON.parse(body) as { status?: string; version?: number; current?: BoardCard };
          const now = status === 200 ? parsed : status === 409 ? parsed.current : undefined;
          if (status === 409) conflicts++;
          if (status !== 200 && unexpected.length < 5)
            unexpected.push(`${status} card ${card.id} v${card.version} ${card.status}: ${body.slice(0, 300)}`);
          if (now?.version !== undefined && now.status !== undefined) Object.assign(card, { version: now.version, status: now.status });
        } catch {
          // Unparseable: counted as an unexpected status by runLoad.
        }
        pool.push(card);
      },
    };
    const stats = await runLoad({ url, connections, durationS: seconds, expect: 200, requests: [request], serverPid });
    await drain(url);
    return { ...stats, conflicts, pool: pool.length, anchors: [...anchors.values()].reduce((n, a) => n + a.length, 0), unexpected };
  };
  if (warmupS > 0) await run(warmupS);
  return run(durationS, pid);
}

/** POST /api/requests (a marketer filing work), 201 expected. */
export async function createLoad({ url, cookie, pid }: Client, connections: number, durationS: number): Promise<LoadStats> {
  const body = JSON.stringify({
    title: 'Roll-up banners for the bench summit',
    typeId: 1,
    priority: 'normal',
    brief: 'Two roll-ups in **brand colours**.',
    businessGoal: 'Pipeline',
    audience: 'CIOs',
  });
  await runLoad({
    url: `${url}/api/requests`,
    connections,
    durationS: Math.min(2, durationS),
    expect: 201,
    method: 'POST',
    headers: json(cookie),
    body,
  });
  await drain(url);
  const stats = await runLoad({
    url: `${url}/api/requests`,
    connections,
    durationS,
    expect: 201,
    method: 'POST',
    headers: json(cookie),
    body,
    serverPid: pid,
  });
  await drain(url);
  return stats;
}

export const reportEndpoints = [
  { name: 'time-split week', path: '/api/reports/time-split', query: 'groupBy=week' },
  { name: 'time-split department', path: '/api/reports/time-split', query: 'groupBy=department' },
  { name: 'time-split type', path: '/api/reports/time-split', query: 'groupBy=type' },
  { name: 'time-split assignee', path: '/api/reports/time-split', query: 'groupBy=assignee' },
  { name: 'headline', path: '/api/reports/headline', query: '' },
  { name: 'flow', path: '/api/reports/flow', query: '' },
  { name: 'hand-back', path: '/api/reports/hand-back', query: '' },
  { name: 'insights', path: '/api/reports/insights', query: '' },
  { name: 'coverage', path: '/api/reports/coverage', query: '' },
  { name: 'overrides', path: '/api/reports/overrides', query: '' },
  { name: 'service-levels type', path: '/api/reports/service-levels', query: 'groupBy=type' },
  { name: 'service-levels assignee', path: '/api/reports/service-levels', query: 'groupBy=assignee' },
] as const;

export interface ReportTiming {
  name: string;
  path: string;
  /** Each read right after a change to the data: computed, not served from a cache. */
  cold: ColdStats;
  /** The same URL read again and again with no change in between: what a cache makes of it. */
  warm: ColdStats;
}

/** Each report for the period, `count` times after a change (cold) and `count` times in a row (warm). */
export async function reportTimings(
  client: Client,
  from: string,
  to: string,
  count: number,
  change: () => Promise<void>,
): Promise<ReportTiming[]> {
  const out: ReportTiming[] = [];
  for (const e of reportEndpoints) {
    const path = `${e.path}?from=${from}&to=${to}${e.query ? `&${e.query}` : ''}`;
    const cold = await coldReads(client, path, count, change);
    const before = cpuTimeMs(client.pid);
    const warm = await sample(`${client.url}${path}`, client.cookie, count);
    out.push({ name: e.name, path, cold, warm: coldStats(warm, (cpuTimeMs(client.pid) - before) / (count + 2)) });
  }
  return out;
}

export interface ExportRun {
  path: string;
  status: number;
  rows: number;
  bytes: number;
  ms: number;
}

/** Downloads a CSV export, counting its rows as they stream past (nothing is kept). */
export async function downloadExport({ url, cookie }: Client, pathAndQuery: string): Promise<ExportRun> {
  const started = performance.now();
  const { status, size, lines } = await get(`${url}${pathAndQuery}`, cookie);
  return { path: pathAndQuery, status, rows: Math.max(0, lines - 1), bytes: size, ms: performance.now() - started };
}
