import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { backupDatabase, defaultBackupPath } from '../src/db/backup';
import { createTestApp, type TestApp } from './harness';
import { repoRoot } from './server-process';
import { attachmentFixture } from './route-calls';
import { png } from './multipart';

/**
 * Backups: `pnpm db:backup` copies the live database while the app keeps writing; the copy is
 * sound, opens with the app and holds every write acknowledged before the backup began. Restoring
 * (README, "Backup and restore") is tested step by step as documented.
 */

const titleOf = (n: number) => `backup write ${n}`;
const numbersIn = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select title from requests where title like 'backup write %'").pluck().all() as string[])
      .map((t) => Number(t.slice('backup write '.length)))
      .sort((a, b) => a - b);
  } finally {
    db.close();
  }
};

describe('online backup and restore', () => {
  let t: TestApp;
  let cookie: string;
  let typeId: number;
  let dbPath: string;
  let acked = 0;
  let next = 0;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    dbPath = path.join(t.dir, 'test.db');
    cookie = await t.login('marketer@example.com');
    typeId = (await t.app.inject({ method: 'GET', url: '/api/request-types', headers: { cookie } })).json().items[0].id as number;
  });
  afterAll(() => t.app.close());

  /** Writes requests one after another until `stop` says so; `acked` counts the acknowledged ones. */
  async function writeUntil(stop: () => boolean) {
    while (!stop()) {
      const n = next++;
      const res = await t.app.inject({ method: 'POST', url: '/api/requests', headers: { cookie }, payload: { title: titleOf(n), typeId } });
      expect(res.statusCode, res.body).toBe(201);
      expect(n).toBe(acked);
      acked = n + 1;
      // Let the backup's steps in between writes.
      await new Promise((r) => setImmediate(r));
    }
  }

  /** A consistent copy: sound, opens with the app, and holds a gap-free prefix of the writes. */
  async function expectSoundCopy(file: string, ackedBefore: number) {
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const numbers = numbersIn(file);
    expect(numbers.length).toBeGreaterThanOrEqual(ackedBefore);
    expect(numbers).toEqual(numbers.map((_, i) => i));
    const app = await buildApp({ databasePath: file });
    try {
      expect(app.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(app.db.$client.pragma('foreign_key_check')).toEqual([]);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      // Each request the copy holds came with its activity: the two tables are from one instant.
      const orphans = app.db.$client
        .prepare(
          "select count(*) from requests r where not exists (select 1 from activity a where a.request_id = r.id and a.kind = 'created')",
        )
        .pluck()
        .get();
      expect(orphans).toBe(0);
    } finally {
      await app.close();
    }
    return numbers.length;
  }

  it('copies the database while writes go on, with every write acknowledged before it began', async () => {
    let done = false;
    const writing = writeUntil(() => done);
    await new Promise((r) => setTimeout(r, 100));
    const ackedBefore = acked;
    const destination = path.join(t.dir, 'backups', 'live.db');
    const backup = backupDatabase(dbPath, destination).finally(() => (done = true));
    const [result] = await Promise.all([backup, writing]);
    expect(ackedBefore).toBeGreaterThan(0);
    expect(result.destination).toBe(destination);
    const copied = await expectSoundCopy(destination, ackedBefore);
    expect(copied).toBeLessThanOrEqual(acked);
  });

  it('pnpm db:backup runs as its own process against the live file', async () => {
    let done = false;
    const writing = writeUntil(() => done);
    await new Promise((r) => setTimeout(r, 100));
    const ackedBefore = acked;
    const destination = path.join(t.dir, 'backups', 'cli.db');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/api/src/cli/backup.ts'), '--to', destination], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_PATH: dbPath },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve)).finally(() => (done = true));
    await writing;
    expect(code, output).toBe(0);
    expect(output).toContain(destination);
    await expectSoundCopy(destination, ackedBefore);
  });

  it('pnpm db:backup copies the uploaded files beside the backup and says where; restoring them brings every file back', async () => {
    const requestId = (
      await t.app.inject({ method: 'POST', url: '/api/requests', headers: { cookie }, payload: { title: 'with a file', typeId } })
    ).json().id as number;
    const fileId = attachmentFixture(t, 1, requestId);
    const destination = path.join(t.dir, 'backups', 'with-files.db');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/api/src/cli/backup.ts'), '--to', destination], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_PATH: dbPath },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output).toBe(0);
    const filesCopy = path.join(t.dir, 'backups', 'with-files.files');
    expect(output).toContain(filesCopy);
    expect(output).toContain(path.join(t.dir, 'files'));
    // Every file the backed-up database names is in the copy, byte for byte.
    const named = new Database(destination, { readonly: true }).prepare('select stored_name from attachments').pluck().all() as string[];
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(fs.readFileSync(path.join(filesCopy, name))).toEqual(png);

    // Restore as the README says: the database, and the files folder beside it.
    const restoreDir = fs.mkdtempSync(path.join(t.dir, 'restore-files-'));
    fs.copyFileSync(destination, path.join(restoreDir, 'altitude.db'));
    fs.cpSync(filesCopy, path.join(restoreDir, 'files'), { recursive: true });
    const app = await buildApp({ databasePath: path.join(restoreDir, 'altitude.db') });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'marketer@example.com', password: 'altitude-demo' },
      });
      const session = `altitude_session=${login.cookies.find((c) => c.name === 'altitude_session')!.value}`;
      const res = await app.inject({ method: 'GET', url: `/api/attachments/${fileId}/download`, headers: { cookie: session } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.rawPayload).toEqual(png);
    } finally {
      await app.close();
    }
  });

  it('names a default backup after the time, beside the database, and never overwrites one', async () => {
    expect(defaultBackupPath('/srv/altitude/data/altitude.db', new Date('2026-11-27T15:04:05.123Z'))).toBe(
      '/srv/altitude/data/backups/altitude-2026-11-27T15-04-05Z.db',
    );
    await expect(backupDatabase(dbPath, path.join(t.dir, 'backups', 'live.db'))).rejects.toThrow(/already exists/);
  });

  it('restores as the README says: stop, copy over the database, remove -wal and -shm, start', async () => {
    const backupFile = path.join(t.dir, 'backups', 'restore-point.db');
    await backupDatabase(dbPath, backupFile);
    const inBackup = numbersIn(backupFile);
    // Work done after the backup, which the restore is to undo.
    await t.app.inject({ method: 'POST', url: '/api/requests', headers: { cookie }, payload: { title: 'after the backup', typeId } });

    const restoreDir = fs.mkdtempSync(path.join(t.dir, 'restore-'));
    const live = path.join(restoreDir, 'altitude.db');
    // The files a killed server leaves: the database with its -wal and -shm (here, the live app's,
    // whose write-ahead log still holds the work done after the backup).
    for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(`${dbPath}${suffix}`, `${live}${suffix}`);
    expect(fs.statSync(`${live}-wal`).size).toBeGreaterThan(0);

    // 1. the server is stopped; 2. copy the backup over DATABASE_PATH; 3. remove -wal and -shm; 4. start.
    fs.copyFileSync(backupFile, live);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${live}${suffix}`, { force: true });
    const app = await buildApp({ databasePath: live });
    try {
      expect(app.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      const titles = app.db.$client.prepare('select title from requests').pluck().all() as string[];
      expect(titles).not.toContain('after the backup');
      expect(titles.filter((x) => x.startsWith('backup write ')).length).toBe(inBackup.length);
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'marketer@example.com', password: 'altitude-demo' },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
