import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { createTestApp, demoToday, type TestApp } from './harness';
import { signIn } from './request-helpers';

/*
 * WAL checkpoints run on a worker thread with its own connection (db/checkpointer.ts), not inside a
 * request's COMMIT on the main thread.
 */
const apps: { close: () => Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function appWithQuickCheckpoints(): Promise<TestApp> {
  // A clock that stands still: the board's ETag names the minute too.
  const t = await createTestApp({ seed: 'demo', now: () => new Date(demoToday), checkpointEveryMs: 50 });
  apps.push(t.app);
  return t;
}

/** Waits for a checkpoint by the worker that found frames in the WAL and copied all of them. */
async function fullCheckpoint(app: TestApp['app']) {
  for (;;) {
    const r = await app.checkpointer!.next();
    if (r.log > 0 && r.checkpointed === r.log) return r;
  }
}

describe('WAL checkpoints off the main thread', () => {
  it('the request connection never checkpoints in a COMMIT; the worker does', async () => {
    const { app } = await appWithQuickCheckpoints();
    expect(app.db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    app.db.$client.exec('create table scratch (b blob)');
    app.db.$client.prepare('insert into scratch values (randomblob(100000))').run();
    // 100 KB is 25 pages of 4 KiB at least: the worker copies them all into the database file.
    const r = await fullCheckpoint(app);
    expect(r.log).toBeGreaterThanOrEqual(25);
    expect(r.busy).toBe(0);
  });

  it('keeps the WAL bounded under writes back to back: 20 MB in 100 KB commits leaves a WAL under 8 MB', async () => {
    const { app, dir } = await appWithQuickCheckpoints();
    const sqlite = app.db.$client;
    // The demo seed left a large WAL file; start from an empty one so its size means something
    // (busy while the worker's own checkpoint runs: one checkpoint at a time).
    while ((sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]!.busy) await new Promise((r) => setTimeout(r, 10));
    expect(fs.statSync(path.join(dir, 'test.db-wal')).size).toBe(0);
    sqlite.exec('create table scratch (b blob)');
    const insert = sqlite.prepare('insert into scratch values (randomblob(100000))');
    let largest = 0;
    for (let i = 1; i <= 200; i++) {
      insert.run();
      largest = Math.max(largest, fs.statSync(path.join(dir, 'test.db-wal')).size);
      // Requests come and go between event-loop turns; the guard's timer runs between them.
      if (i % 5 === 0) await new Promise((r) => setImmediate(r));
    }
    // Without checkpoints the WAL would hold every commit: 200 rows of 25 overflow pages of
    // 4 KiB, over 20 MB. The worker copies pages as they come, but writes landing during its
    // copies keep the writer from starting the WAL again; past 4 MB the main thread checkpoints
    // once itself, and the next write starts the WAL again, trimmed to 4 MB. Between two guard
    // runs (50 ms) a busy disk may let a few MB more be written, not 16: under 8 MB.
    expect(largest).toBeLessThan(8 * 1024 * 1024);
    expect(app.checkpointer!.stats.fallbacks).toBeGreaterThan(0);
    expect(sqlite.prepare('select count(*) from scratch').pluck().get()).toBe(200);
  });

  it('a checkpoint is not a change: a board revalidated after one is still a 304', async () => {
    const t = await appWithQuickCheckpoints();
    const { app } = t;
    const { cookie } = await signIn(t, 'marketer@example.com');
    const first = await app.inject({ method: 'GET', url: '/api/board', headers: { cookie } });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    // Frames are in the WAL (the sign-in wrote its session); the worker copies them to the file.
    await fullCheckpoint(app);
    const again = await app.inject({ method: 'GET', url: '/api/board', headers: { cookie, 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });

  it('ends the worker on close, after which the WAL is truncated and the file reads back whole', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-ckpt-'));
    const file = path.join(dir, 'a.db');
    const app = await buildApp({ databasePath: file, checkpointEveryMs: 20 });
    app.db.$client.exec('create table scratch (b blob)');
    app.db.$client.prepare('insert into scratch values (randomblob(50000))').run();
    await app.checkpointer!.next();
    await app.close();
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('select count(*) from scratch').pluck().get()).toBe(1);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
