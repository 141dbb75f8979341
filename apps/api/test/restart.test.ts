import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killStartedServers, signInOverHttp, startServer, type ServerProcess } from './server-process';

/**
 * The server as an operator runs it, with the default settings (demo on): the first start on an
 * empty database seeds the demo company; every later start on that database finds data and
 * seeds nothing, so a restart neither duplicates the demo nor loses what people wrote.
 */

const demoPassword = 'altitude-demo';
const demoEmails = ['cmo@example.com', 'marketer@example.com', 'sales@example.com', 'product@example.com', 'exec@example.com'];
// Sign-ins write these; everything else must be exactly as the first run left it.
const signInTables = new Set(['sessions', 'login_throttle']);

/** Rows per table of the database file, read while no server runs. */
function rowCounts(databasePath: string): Record<string, number> {
  const db = new Database(databasePath, { readonly: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables
        .filter((name) => !signInTables.has(name))
        .map((name) => [name, db.prepare(`select count(*) from "${name}"`).pluck().get() as number]),
    );
  } finally {
    db.close();
  }
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  expect(await server.exited).toEqual({ code: 0, signal: null });
}

describe('starting twice on the same database with the default settings', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-restart-'));
  const databasePath = path.join(dir, 'altitude.db');
  afterAll(async () => {
    await killStartedServers();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'seeds the demo company once; the second start seeds nothing, the demo accounts still sign in and earlier writes are there',
    { timeout: 180_000 },
    async () => {
      // Default settings: no ALTITUDE_DEMO at all (the helper turns the demo off unless told).
      const defaults = { ALTITUDE_DEMO: undefined };

      // Seeding six months of demo data takes seconds, more on a busy machine.
      const first = await startServer(databasePath, await freePort(), defaults, { readyTimeoutMs: 120_000 });
      for (const email of demoEmails) await signInOverHttp(first.url, email, demoPassword);
      // Someone files a request and comments on it before the restart.
      const sales = await signInOverHttp(first.url, 'sales@example.com', demoPassword);
      const headers = { cookie: sales, 'content-type': 'application/json' };
      const typeId = ((await (await fetch(`${first.url}/api/request-types`, { headers })).json()) as { items: { id: number }[] }).items[0]!
        .id;
      const filed = await fetch(`${first.url}/api/requests`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: 'Written before the restart', typeId }),
      });
      expect(filed.status).toBe(201);
      const request = (await filed.json()) as { id: number; title: string; version: number };
      const commented = await fetch(`${first.url}/api/requests/${request.id}/comments`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ body: 'Still here after the restart?' }),
      });
      expect(commented.status).toBe(201);
      await stop(first);

      const afterFirst = rowCounts(databasePath);
      // The demo company is there, once: five demo accounts among its people, six months of requests.
      expect(afterFirst.users).toBeGreaterThanOrEqual(demoEmails.length);
      expect(afterFirst.requests).toBeGreaterThan(100);
      expect(afterFirst.time_entries).toBeGreaterThan(100);

      const second = await startServer(databasePath, await freePort(), defaults, { readyTimeoutMs: 120_000 });
      for (const email of demoEmails) await signInOverHttp(second.url, email, demoPassword);
      const cookie = await signInOverHttp(second.url, 'sales@example.com', demoPassword);
      const again = await fetch(`${second.url}/api/requests/${request.id}`, { headers: { cookie } });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ id: request.id, title: 'Written before the restart', version: request.version });
      const thread = (await (await fetch(`${second.url}/api/requests/${request.id}/comments`, { headers: { cookie } })).json()) as {
        items: { body: string }[];
      };
      expect(thread.items.map((c) => c.body)).toEqual(['Still here after the restart?']);
      // The directory lists each demo account once.
      const people = (await (await fetch(`${second.url}/api/users`, { headers: { cookie } })).json()) as {
        items: { email?: string; name: string }[];
      };
      expect(people.items).toHaveLength(afterFirst.users!);
      await stop(second);

      // Nothing was seeded again: every table holds exactly the rows it held before the restart.
      expect(rowCounts(databasePath)).toEqual(afterFirst);
    },
  );
});
