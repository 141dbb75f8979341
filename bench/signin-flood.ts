// Issue 9, item 2: a flood of sign-ins must not stall everybody else. Fires concurrent sign-ins
// with unknown emails, each from its own forwarded address (the server runs with TRUST_PROXY=1),
// and while they are in flight times a page, /api/health and a signed-in call, one after another.
import http from 'node:http';
import { get, percentile } from './load';

export interface ProbeStats {
  samples: number;
  p50: number;
  p95: number;
  max: number;
  statuses: Record<string, number>;
}

export interface FloodRun {
  signIns: number;
  /** Statuses of the sign-ins: 401 (checked), 429 (limited), 503 (hash queue full); anything else is an error. */
  signInStatuses: Record<string, number>;
  /** Sign-ins answered with 429 or 503 but without a Retry-After header. */
  missingRetryAfter: number;
  errors: number;
  /** From the first sign-in sent to the last one answered. */
  floodMs: number;
  probes: Record<'page' | 'health' | 'me', ProbeStats>;
}

interface SignInAnswer {
  status: number;
  retryAfter: string | undefined;
}

/** One sign-in on its own connection; resolves `sent` once the request has left, `answer` with the reply. */
function signIn(url: string, i: number): { sent: Promise<void>; answer: Promise<SignInAnswer> } {
  const body = JSON.stringify({ email: `flood-${i}@example.com`, password: 'a-guess-that-is-wrong' });
  const req = http.request(`${url}/api/auth/login`, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-forwarded-for': `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    },
  });
  const answer = new Promise<SignInAnswer>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  const sent = new Promise<void>((resolve) => req.end(body, () => resolve()));
  return { sent, answer };
}

function stats(latencies: number[], statuses: Record<string, number>): ProbeStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { samples: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) ?? NaN, statuses };
}

/** `count` concurrent sign-ins; probes run in rounds (page, health, me) until the last sign-in is answered. */
export async function signInFlood(url: string, cookie: string, count: number): Promise<FloodRun> {
  const started = performance.now();
  const calls = Array.from({ length: count }, (_, i) => signIn(url, i));
  let over = false;
  const answers = Promise.allSettled(calls.map((c) => c.answer)).then((all) => {
    over = true;
    return all;
  });
  // Probe once every sign-in has left this process: what is measured is the server's answer, not
  // how long this process takes to send 100 requests.
  await Promise.all(calls.map((c) => c.sent));
  const kinds = { page: '/board', health: '/api/health', me: '/api/auth/me' } as const;
  const latencies = { page: [] as number[], health: [] as number[], me: [] as number[] };
  const statuses = { page: {}, health: {}, me: {} } as Record<keyof typeof kinds, Record<string, number>>;
  do {
    for (const kind of Object.keys(kinds) as (keyof typeof kinds)[]) {
      const t0 = performance.now();
      const res = await get(`${url}${kinds[kind]}`, kind === 'me' ? cookie : '');
      latencies[kind].push(performance.now() - t0);
      statuses[kind][res.status] = (statuses[kind][res.status] ?? 0) + 1;
    }
  } while (!over);
  const settled = await answers;
  const floodMs = performance.now() - started;
  const signInStatuses: Record<string, number> = {};
  let errors = 0;
  let missingRetryAfter = 0;
  for (const s of settled) {
    if (s.status === 'rejected') {
      errors++;
      continue;
    }
    const { status, retryAfter } = s.value;
    signInStatuses[status] = (signInStatuses[status] ?? 0) + 1;
    if (![401, 429, 503].includes(status)) errors++;
    if ((status === 429 || status === 503) && !/^[1-9]\d*$/.test(retryAfter ?? '')) missingRetryAfter++;
  }
  return {
    signIns: count,
    signInStatuses,
    missingRetryAfter,
    errors,
    floodMs,
    probes: {
      page: stats(latencies.page, statuses.page),
      health: stats(latencies.health, statuses.health),
      me: stats(latencies.me, statuses.me),
    },
  };
}
