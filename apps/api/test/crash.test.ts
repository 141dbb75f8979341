import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createLead, freePort, killStartedServers, signInOverHttp, startServer, type ServerProcess } from './server-process';

/**
 * Crash test: the real server as a separate process takes writes from 20 concurrent clients and is
 * killed with SIGKILL at a random moment, then restarted; CRASH_CYCLES times (default 20). After
 * each restart every acknowledged (2xx) write is there, the database is sound and the ordering
 * keys are still unique per column. The database lives on the real disk, with synchronous=FULL.
 */

const cycles = Number(process.env.CRASH_CYCLES ?? 20);
const connections = 20;

interface Ack {
  kind: 'request' | 'comment' | 'move';
  clientId: string;
  requestId: number;
  /** For a move: the card's version it answered with. */
  version?: number;
}

describe('crash: SIGKILL under concurrent writes, then restart', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-crash-'));
  const databasePath = path.join(dir, 'crash.db');
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await killStartedServers();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write across ${cycles} kills`, async () => {
    createLead(databasePath);
    const port = await freePort();
    server = await startServer(databasePath, port);
    const cookie = await signInOverHttp(server.url);
    const headers = { cookie, 'content-type': 'application/json' };
    const types = (await (await fetch(`${server.url}/api/request-types`, { headers })).json()) as { items: { id: number }[] };
    const typeId = types.items[0]!.id;

    const acked: Ack[] = [];
    const serverErrors: string[] = [];
    const readyTimes: number[] = [];
    let attempted = 0;
    let cut = 0;

    for (let cycle = 0; cycle < cycles; cycle++) {
      const url = server.url;
      let killed = false;
      /** Our own cards in this cycle with the version we last saw, so moves can carry it. */
      const mine = new Map<number, number>();
      const known = acked.filter((a) => a.kind === 'request').map((a) => a.requestId);

      const call = async (method: string, p: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> } | null> => {
        attempted++;
        try {
          const res = await fetch(`${url}${p}`, { method, headers, body: JSON.stringify(body) });
          const json = (await res.json()) as Record<string, unknown>;
          if (res.status >= 500) serverErrors.push(`${method} ${p} → ${res.status} ${JSON.stringify(json)}`);
          return { status: res.status, json };
        } catch {
          // The server died before the answer was complete: not acknowledged.
          cut++;
          return null;
        }
      };

      const writer = async () => {
        while (!killed) {
          const roll = Math.random();
          if (roll < 0.5 || known.length === 0) {
            const clientId = randomUUID();
            const res = await call('POST', '/api/requests', { title: `crash ${clientId}`, typeId, brief: 'written under fire' });
            if (!res) return;
            if (res.status === 201) {
              const id = res.json.id as number;
              acked.push({ kind: 'request', clientId, requestId: id });
              known.push(id);
              mine.set(id, res.json.version as number);
            }
          } else if (roll < 0.8 || mine.size === 0) {
            const clientId = randomUUID();
            const requestId = known[Math.floor(Math.random() * known.length)]!;
            const res = await call('POST', `/api/requests/${requestId}/comments`, { body: `comment ${clientId}` });
            if (!res) return;
            if (res.status === 201) acked.push({ kind: 'comment', clientId, requestId });
          } else {
            // Reorder one of our cards within intake, above a random known card.
            const ids = [...mine.keys()];
            const requestId = ids[Math.floor(Math.random() * ids.length)]!;
            const beforeId = known[Math.floor(Math.random() * known.length)]!;
            const res = await call('POST', `/api/requests/${requestId}/move`, {
              status: 'intake',
              beforeId: beforeId === requestId ? null : beforeId,
              version: mine.get(requestId),
            });
            if (!res) return;
            if (res.status === 200) {
              mine.set(requestId, res.json.version as number);
              acked.push({ kind: 'move', clientId: randomUUID(), requestId, version: res.json.version as number });
            } else if (res.status === 409) {
              mine.set(requestId, (res.json.current as { version: number }).version);
            }
          }
        }
      };

      const ackedBefore = acked.length;
      const writers = Array.from({ length: connections }, () => writer());
      // Kill at a random moment while the writes flow: once ten have landed, within the next 800 ms.
      for (let waited = 0; acked.length < ackedBefore + 10 && waited < 20_000; waited += 5) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.random() * 800));
      killed = true;
      server.child.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      await Promise.all(writers);

      server = await startServer(databasePath, port);
      readyTimes.push(server.readyMs);

      // Check the database as the restarted server sees it, through a second connection.
      const db = new Database(databasePath, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), `cycle ${cycle}`).toBe('ok');
        expect(db.pragma('foreign_key_check'), `cycle ${cycle}`).toEqual([]);
        const titles = new Set(db.prepare('select title from requests').pluck().all() as string[]);
        const bodies = new Set(db.prepare('select body from comments').pluck().all() as string[]);
        const versions = new Map(db.prepare('select id, version from requests').raw().all() as [number, number][]);
        const lostRequests = acked.filter((a) => a.kind === 'request' && !titles.has(`crash ${a.clientId}`));
        const lostComments = acked.filter((a) => a.kind === 'comment' && !bodies.has(`comment ${a.clientId}`));
        expect(lostRequests, `cycle ${cycle}: acknowledged requests lost`).toEqual([]);
        expect(lostComments, `cycle ${cycle}: acknowledged comments lost`).toEqual([]);
        // Every acknowledged move is in the card's version (an unacknowledged one may have landed too).
        const lostMoves = acked.filter((a) => a.kind === 'move' && (versions.get(a.requestId) ?? 0) < a.version!);
        expect(lostMoves, `cycle ${cycle}: acknowledged moves lost`).toEqual([]);
        // Ordering invariant: no two cards share a position in a column.
        expect(
          db.prepare('select status, position, count(*) n from requests group by status, position having n > 1').all(),
          `cycle ${cycle}`,
        ).toEqual([]);
      } finally {
        db.close();
      }
    }

    expect(serverErrors).toEqual([]);
    // The kills did land mid-write.
    expect(cut).toBeGreaterThan(0);
    const sorted = [...readyTimes].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `crash: ${cycles} SIGKILLs, ${attempted} writes attempted, ${cut} cut off by a kill, ${acked.length} acknowledged ` +
        `(${acked.filter((a) => a.kind === 'request').length} requests, ${acked.filter((a) => a.kind === 'comment').length} comments, ${acked.filter((a) => a.kind === 'move').length} moves), all present; ` +
        `time to ready after restart: median ${median.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (node --import tsx, includes TypeScript loading)`,
    );
    expect(acked.length).toBeGreaterThanOrEqual(cycles * 10);
  }, 300_000);
});
