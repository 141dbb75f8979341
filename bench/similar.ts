// Issue 12: filing with the similar-request lookup. A requester types a title (the form asks
// GET /api/requests/similar) and then files it (POST /api/requests); each pair is timed as one.
import http from 'node:http';
import { createRandom } from '../apps/api/src/db/seed/random';
import { percentile } from './load';
import { titleWords } from './seed';
import { cpuTimeMs } from './server';

export interface FileWithSimilarStats {
  samples: number;
  /** ms, the pair (lookup + create). */
  p50: number;
  p95: number;
  /** ms, the lookup alone. */
  similarP50: number;
  similarP95: number;
  createP50: number;
  /**
   * Server CPU ms per lookup and per create (the process's CPU time read around each call, 10 ms
   * ticks summed over all timed calls): what a quiet machine would show as latency, whatever else runs.
   */
  similarCpuMs: number | null;
  createCpuMs: number | null;
  /** Matches the lookups returned, on average (of at most 5). */
  meanMatches: number;
  statuses: Record<string, number>;
}

function call(
  agent: http.Agent,
  url: string,
  cookie: string,
  method: 'GET' | 'POST',
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { cookie };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * `count` pairs one after another on one keep-alive connection, after `warmup` untimed ones.
 * `serverPid`: the app's process, for its CPU time.
 */
export async function fileWithSimilar(
  baseUrl: string,
  cookie: string,
  count: number,
  warmup = 20,
  serverPid?: number,
): Promise<FileWithSimilarStats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const rnd = createRandom(12);
  const pairs: number[] = [];
  const lookups: number[] = [];
  const creates: number[] = [];
  const statuses: Record<string, number> = {};
  let matches = 0;
  const cpu = () => (serverPid ? cpuTimeMs(serverPid) : 0);
  let similarCpu = 0;
  let createCpu = 0;
  try {
    for (let i = 0; i < warmup + count; i++) {
      // A title like the seeded ones, as a requester would type it, and a word of their own.
      const title = `${rnd.pick(titleWords.what)} for ${rnd.pick(titleWords.for)} ${i}`;
      const cpu0 = cpu();
      const started = performance.now();
      const similar = await call(agent, `${baseUrl}/api/requests/similar?q=${encodeURIComponent(title)}`, cookie, 'GET');
      const looked = performance.now();
      const cpu1 = cpu();
      const created = await call(agent, `${baseUrl}/api/requests`, cookie, 'POST', JSON.stringify({ title, typeId: 1 }));
      const ended = performance.now();
      const cpu2 = cpu();
      for (const s of [similar.status, created.status]) statuses[s] = (statuses[s] ?? 0) + 1;
      if (i < warmup) continue;
      similarCpu += cpu1 - cpu0;
      createCpu += cpu2 - cpu1;
      pairs.push(ended - started);
      lookups.push(looked - started);
      creates.push(ended - looked);
      if (similar.status === 200) matches += (JSON.parse(similar.text) as { items: unknown[] }).items.length;
    }
  } finally {
    agent.destroy();
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const [p, l, c] = [sorted(pairs), sorted(lookups), sorted(creates)];
  return {
    samples: count,
    p50: percentile(p, 0.5),
    p95: percentile(p, 0.95),
    similarP50: percentile(l, 0.5),
    similarP95: percentile(l, 0.95),
    createP50: percentile(c, 0.5),
    similarCpuMs: serverPid ? similarCpu / count : null,
    createCpuMs: serverPid ? createCpu / count : null,
    meanMatches: matches / count,
    statuses,
  };
}
