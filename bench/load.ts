// HTTP load through autocannon: latencies are collected per response (autocannon's own histogram
// rounds to whole milliseconds), status codes are tallied, and anything unexpected is an error.
import http from 'node:http';
import autocannon from 'autocannon';
import { cpuTimeMs } from './server';

export interface LoadStats {
  connections: number;
  requests: number;
  durationS: number;
  /** Completed responses per second over the run. */
  rps: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts plus responses with an unexpected status. */
  errors: number;
  statuses: Record<string, number>;
  /** Mean response size in bytes. */
  meanBytes: number;
  /** CPU time the server process used per completed request: unlike latency, immune to other load on the machine. */
  serverCpuMsPerRequest: number | null;
}

export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
};

export interface LoadOptions {
  url: string;
  connections: number;
  durationS: number;
  /** Status every response should have; others count as errors. */
  expect: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Per-request setup and response hooks, for stateful workloads such as moves. */
  requests?: autocannon.Request[];
  /** The server's pid, to charge its CPU time to the requests. */
  serverPid?: number;
}

export function runLoad(o: LoadOptions): Promise<LoadStats> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let bytes = 0;
    const cpuBefore = o.serverPid ? cpuTimeMs(o.serverPid) : 0;
    const instance = autocannon(
      {
        url: o.url,
        connections: o.connections,
        duration: o.durationS,
        method: o.method ?? 'GET',
        headers: o.headers,
        body: o.body,
        requests: o.requests,
        timeout: 30,
      },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        const unexpected = Object.entries(statuses).reduce((n, [code, count]) => (Number(code) === o.expect ? n : n + count), 0);
        resolve({
          connections: o.connections,
          requests: latencies.length,
          durationS: result.duration,
          rps: latencies.length / result.duration,
          p50: percentile(latencies, 0.5),
          p90: percentile(latencies, 0.9),
          p95: percentile(latencies, 0.95),
          p99: percentile(latencies, 0.99),
          max: latencies[latencies.length - 1] ?? NaN,
          errors: result.errors + unexpected,
          statuses,
          meanBytes: latencies.length ? bytes / latencies.length : 0,
          serverCpuMsPerRequest: o.serverPid && latencies.length ? (cpuTimeMs(o.serverPid) - cpuBefore) / latencies.length : null,
        });
      },
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      bytes += resBytes;
    });
  });
}

export interface Samples {
  /** Sorted, ms. */
  latencies: number[];
  statuses: Record<string, number>;
  /** Size of the last answer. */
  bytes: number;
  /** Answers the server said came from its read cache (`x-cache: hit`). */
  cacheHits: number;
}

/**
 * Keep-alive GETs one after another, timing each: for slow endpoints, where a fixed sample count
 * matters more than a duration. `before` runs (untimed) ahead of each one, e.g. a write that
 * makes the next read a cache miss.
 */
export async function sample(url: string, cookie: string, count: number, warmup = 2, before?: () => Promise<void>): Promise<Samples> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  let cacheHits = 0;
  try {
    for (let i = 0; i < warmup + count; i++) {
      await before?.();
      const started = performance.now();
      const res = await get(url, cookie, agent);
      const ms = performance.now() - started;
      if (i < warmup) continue;
      latencies.push(ms);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      bytes = res.size;
      if (res.cacheHit) cacheHits++;
    }
  } finally {
    agent.destroy();
  }
  return { latencies: latencies.sort((a, b) => a - b), statuses, bytes, cacheHits };
}

/** A GET whose body is read and dropped (counted, never held), resolving when the last byte arrived. */
export function get(
  url: string,
  cookie: string,
  agent?: http.Agent,
): Promise<{ status: number; size: number; lines: number; cacheHit: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { cookie }, agent }, (res) => {
      let size = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, size, lines, cacheHit: res.headers['x-cache'] === 'hit' }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}
