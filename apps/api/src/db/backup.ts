import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface BackupResult {
  destination: string;
  bytes: number;
  pages: number;
  ms: number;
}

/** `<folder of the database>/backups/altitude-2026-11-27T15-04-05Z.db`. */
export function defaultBackupPath(databasePath: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  return path.join(path.dirname(databasePath), 'backups', `altitude-${stamp}.db`);
}

/**
 * An online, consistent copy of a live database, through SQLite's backup API on a connection of
 * our own: the running server keeps reading and writing (WAL), and the copy is one snapshot. The
 * pages are copied in a single step, so a write landing meanwhile cannot restart it forever. The
 * copy is written beside the destination first, checked, then renamed into place.
 */
export async function backupDatabase(databasePath: string, destination: string): Promise<BackupResult> {
  const started = performance.now();
  if (fs.existsSync(destination)) throw new Error(`${destination} already exists`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new Database(databasePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const progress = await source.backup(partial, { progress: () => 0x7fffffff });
    const copy = new Database(partial);
    try {
      const integrity = copy.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${String(integrity)}`);
      // A self-contained file: no -wal beside it, whatever mode the source was in.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, destination);
    return { destination, bytes: fs.statSync(destination).size, pages: progress.totalPages, ms: performance.now() - started };
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
}
