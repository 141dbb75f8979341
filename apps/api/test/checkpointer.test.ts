import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { startCheckpointer, walBytes } from '../src/db/checkpointer';
import { closeDatabase, openDatabase } from '../src/db/client';
import { startWriter } from '../src/writer/writer';

/*
 * The WAL checkpointer (db/checkpointer.ts) on real SQLite files: the main connection stops
 * checkpointing, a worker thread does it instead, the WAL stays bounded, and nothing written is
 * lost. Pages reach the database file only through a checkpoint, so the file's size shows who
 * checkpointed.
 */
const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altitude-checkpointer-'));
  dirs.push(dir);
  return path.join(dir, 'altitude.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const mib = 1024 * 1024;
const fileBytes = (file: string) => fs.statSync(file).size;

/** Writes `n` rows of 64 KiB (16 pages each) on `sqlite`, each row its own commit. */
function writeRows(sqlite: Database.Database, n: number) {
  sqlite.exec('CREATE TABLE IF NOT EXISTS scratch (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO scratch (body) VALUES (?)');
  for (let i = 0; i < n; i++) insert.run(Buffer.alloc(64 * 1024, i % 251));
}

/** 32 MiB in bursts of 8 rows, a millisecond apart; the WAL's largest size seen between bursts. */
async function writeInBursts(sqlite: Database.Database, file: string) {
  let biggest = 0;
  let rows = 0;
  while (rows < 512) {
    writeRows(sqlite, 8);
    rows += 8;
    biggest = Math.max(biggest, walBytes(file));
    await new Promise((r) => setTimeout(r, 1));
  }
  return { biggest, rows };
}

async function until(check: () => boolean, ms = 5_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('WAL checkpoints on a worker thread', () => {
  it('the server app hands checkpoints to the worker: the main connection does not run one, yet the pages reach the file', async () => {
    const file = tempFile();
    const app = await buildApp({ databasePath: file, checkpointInBackground: true });
    const sqlite = app.db.$client;
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = fileBytes(file);
    // 8 MiB, about 2,000 pages: twice what SQLite's own checkpoint would have waited for.
    writeRows(sqlite, 128);
    await until(() => fileBytes(file) >= before + 8 * mib);
    await app.close();
    // Closing stops the worker first, then the last checkpoint empties the WAL.
    expect(walBytes(file)).toBe(0);
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM scratch').get()).toEqual({ n: 128 });
    check.close();
  });

  it('without the option (tests, scripts) SQLite checkpoints as it always did', async () => {
    const app = await buildApp({ databasePath: tempFile() });
    expect(app.db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await app.close();
  });

  it('keeps the WAL bounded under writes that never pause, and loses none of them', async () => {
    const file = tempFile();
    const db = openDatabase(file);
    const checkpointer = startCheckpointer(db, file, { everyMs: 20, restartBytes: 2 * mib });
    // Writes in bursts, as a busy server commits its groups, with moments too short for a passive
    // checkpoint to catch up with the last frame; past 2 MiB of frames the writer makes the WAL
    // start over while the writes go on. 32 MiB in all: a WAL that never started over would grow
    // to nearly all of it.
    const { biggest, rows } = await writeInBursts(db.$client, file);
    expect(biggest).toBeGreaterThan(2 * mib);
    expect(biggest).toBeLessThan(16 * mib);
    // Started over, not emptied: later commits overwrite its blocks (and stay within its limit).
    expect(walBytes(file)).toBeGreaterThan(0);
    expect(db.$client.pragma('journal_size_limit', { simple: true })).toBe(4 * mib);
    expect(db.$client.prepare('SELECT count(*) AS n FROM scratch').get()).toEqual({ n: rows });
    await checkpointer.stop();
    // Stopped, the worker hands checkpointing back to the main connection.
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    closeDatabase(db);
  });

  it('with a writer thread (the server), that thread starts the WAL over when asked, and the WAL stays bounded', async () => {
    const file = tempFile();
    const db = openDatabase(file);
    const writer = await startWriter(db, file, { handedOver: () => {}, settled: () => {} });
    let asked = 0;
    const checkpointer = startCheckpointer(db, file, {
      everyMs: 20,
      restartBytes: 2 * mib,
      restartWal: () => {
        asked++;
        return writer.restartWal();
      },
    });
    const { biggest, rows } = await writeInBursts(db.$client, file);
    // 32 MiB written past a 2 MiB bound: started over several times, each time by the writer thread.
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(biggest).toBeLessThan(16 * mib);
    expect(db.$client.prepare('SELECT count(*) AS n FROM scratch').get()).toEqual({ n: rows });
    await writer.stop();
    await checkpointer.stop();
    closeDatabase(db);
  });
});
